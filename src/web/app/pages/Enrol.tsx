import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, TextField, type FormError } from '../components.js';
import { useSession } from '../session.js';

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** TOTP enrolment: QR code and secret, a first code to confirm, then the recovery codes once. */
export function EnrolPage() {
  const { t } = useStaffI18n();
  const { refresh } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);

  async function start() {
    const r = await api<Enrolment>('POST', '/auth/totp/enrol', {});
    if (r.ok) setEnrolment(r.data);
    else setErrors([{ text: r.problem?.detail ?? t('common.network') }]);
  }

  async function confirm(event: SyntheticEvent) {
    event.preventDefault();
    const r = await api<{ recoveryCodes: string[] }>('POST', '/auth/totp/confirm', { code: code.trim() });
    if (r.ok) setCodes(r.data.recoveryCodes);
    else setErrors([{ field: 'code', text: r.problem?.detail ?? t('common.network') }]);
  }

  if (codes) {
    return (
      <>
        <h1 className="govgr-heading-xl">{t('enrol.codesHeading')}</h1>
        <p className="govgr-body">{t('enrol.codesIntro')}</p>
        <ul className="mr-plain-list mr-codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="govgr-btn govgr-btn-primary" onClick={() => void refresh()}>
          {t('enrol.saved')}
        </button>
      </>
    );
  }

  return (
    <>
      <h1 className="govgr-heading-xl">{t('enrol.heading')}</h1>
      <p className="govgr-body">{t('enrol.intro')}</p>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {enrolment ? (
        <form onSubmit={(e) => void confirm(e)} noValidate>
          <img
            className="mr-qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt={t('enrol.qrAlt')}
            width={200}
            height={200}
          />
          <p className="govgr-body">
            {t('enrol.secret')}: <code>{enrolment.secret}</code>
          </p>
          <TextField
            id="code"
            label={t('mfa.code')}
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            error={errors.length > 0}
          />
          <button type="submit" className="govgr-btn govgr-btn-primary">
            {t('enrol.confirm')}
          </button>
        </form>
      ) : (
        <button type="button" className="govgr-btn govgr-btn-primary" onClick={() => void start()}>
          {t('enrol.start')}
        </button>
      )}
    </>
  );
}
