import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, Status, TextField, type FormError } from '../components.js';
import { useSession } from '../session.js';

/** One's own account: password, second factor, signing out everywhere. */
export function ProfilePage({ me }: { me: TMe }) {
  const { t } = useStaffI18n();
  const { refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState(false);

  async function change(event: SyntheticEvent) {
    event.preventDefault();
    setDone(false);
    if (Array.from(next).length < 12) return setErrors([{ field: 'new-password', text: t('profile.tooShort') }]);
    if (next !== again) return setErrors([{ field: 'new-password-again', text: t('profile.mismatch') }]);
    const r = await api('POST', '/auth/password', { currentPassword: current, newPassword: next });
    if (r.ok) {
      setErrors([]);
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
      return undefined;
    }
    const field = r.problem?.status === 401 ? 'current-password' : 'new-password';
    setErrors([{ field, text: r.problem?.detail ?? t('common.network') }]);
    return undefined;
  }

  async function everywhere() {
    if (!window.confirm(t('profile.everywhereConfirm'))) return;
    await api('POST', '/auth/logout-everywhere', {});
    await refresh();
  }

  return (
    <>
      <h1 className="govgr-heading-xl">{t('profile.heading')}</h1>
      <p className="govgr-body">
        {me.user.displayName} ({me.user.username}) — {me.mfa === 'verified' ? t('profile.mfaOn') : t('profile.mfaOff')}
      </p>
      <h2 className="govgr-heading-m">{t('profile.passwordHeading')}</h2>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {done ? <Status>{t('profile.changed')}</Status> : null}
      <form onSubmit={(e) => void change(e)} noValidate>
        <TextField
          id="current-password"
          label={t('profile.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={errors.some((e) => e.field === 'current-password')}
        />
        <TextField
          id="new-password"
          label={t('profile.new')}
          hint={t('profile.newHint')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={errors.some((e) => e.field === 'new-password')}
        />
        <TextField
          id="new-password-again"
          label={t('profile.confirm')}
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          error={errors.some((e) => e.field === 'new-password-again')}
        />
        <button type="submit" className="govgr-btn govgr-btn-primary">
          {t('profile.change')}
        </button>
      </form>
      <h2 className="govgr-heading-m">{t('profile.everywhereHeading')}</h2>
      <p className="govgr-body">{t('profile.everywhereIntro')}</p>
      <button type="button" className="govgr-btn govgr-btn-warning" onClick={() => void everywhere()}>
        {t('profile.everywhere')}
      </button>
    </>
  );
}
