import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, TextField, type FormError } from '../components.js';
import { useSession } from '../session.js';

/** Username and password; the second factor follows on its own page when the role needs it. */
export function SignInPage() {
  const { t } = useStaffI18n();
  const { accept } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>(() =>
    new URLSearchParams(window.location.search).get('error') === 'oidc' ? [{ text: t('signIn.oidcFailed') }] : [],
  );
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState(false);

  // The municipality's identity provider is offered only where the server has it configured.
  useEffect(() => {
    void api<{ enabled: boolean }>('GET', '/auth/oidc').then((r) => setOidc(r.ok && r.data.enabled));
  }, []);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setErrors([{ field: username.trim() ? 'password' : 'username', text: t('signIn.required') }]);
      return;
    }
    setBusy(true);
    const r = await api<TMe>('POST', '/auth/login', { username, password });
    setBusy(false);
    if (r.ok) {
      setPassword('');
      accept(r.data);
      return;
    }
    if (!r.problem) setErrors([{ text: t('common.network') }]);
    else if (r.problem.status === 429) setErrors([{ text: t('signIn.locked', { seconds: r.problem.retryAfter ?? 60 }) }]);
    else setErrors([{ field: 'password', text: r.problem.detail }]);
  }

  return (
    <>
      <h1 className="govgr-heading-xl">{t('signIn.heading')}</h1>
      <p className="govgr-body">{t('signIn.intro')}</p>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="username" label={t('signIn.username')} value={username} onChange={setUsername} autoComplete="username" />
        <TextField
          id="password"
          label={t('signIn.password')}
          value={password}
          onChange={setPassword}
          type="password"
          autoComplete="current-password"
          error={errors.some((e) => e.field === 'password')}
        />
        <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      {oidc ? (
        <p className="govgr-body">
          <a className="govgr-link" href="/api/v1/auth/oidc/start">
            {t('signIn.oidc')}
          </a>
        </p>
      ) : null}
    </>
  );
}
