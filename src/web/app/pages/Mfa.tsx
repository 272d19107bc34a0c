import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, TextField, type FormError } from '../components.js';
import { useSession } from '../session.js';

/** The second step of signing in: a TOTP code or a recovery code. */
export function MfaPage() {
  const { t } = useStaffI18n();
  const { accept } = useSession();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const r = await api<TMe>('POST', '/auth/mfa', { code: code.trim() });
    if (r.ok) accept(r.data);
    else setErrors([{ field: 'code', text: r.problem?.detail ?? t('common.network') }]);
  }

  return (
    <>
      <h1 className="govgr-heading-xl">{t('mfa.heading')}</h1>
      <p className="govgr-body">{t('mfa.intro')}</p>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="code"
          label={t('mfa.code')}
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          error={errors.length > 0}
        />
        <button type="submit" className="govgr-btn govgr-btn-primary">
          {t('mfa.submit')}
        </button>
      </form>
    </>
  );
}
