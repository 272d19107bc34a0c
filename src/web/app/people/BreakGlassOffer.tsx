import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Input, TextArea } from './fields.js';

/**
 * Emergency access to a record outside the worker's structures: a stated reason and a duration,
 * recorded and reviewed by a supervisor. Offered only to those holding breakglass.use.
 */
export function BreakGlassOffer({ personId, onOpened }: { personId: string; onOpened: () => void }) {
  const { t } = useStaffI18n();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const reasonError = errors.find((e) => e.field === 'bg-reason')?.text;
  const minutesError = errors.find((e) => e.field === 'bg-minutes')?.text;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    // The limits of ZBreakGlassOpen (src/shared/auth.ts): a reason of 10 characters or more, 5–120 minutes.
    const body = { entityType: 'person', entityId: personId, reason: reason.trim(), minutes: Number(minutes) };
    const found: FormError[] = [
      ...(body.reason.length < 10 || body.reason.length > 2000 ? [{ field: 'bg-reason', text: t('person.bgReasonShort') }] : []),
      ...(Number.isInteger(body.minutes) && body.minutes >= 5 && body.minutes <= 120
        ? []
        : [{ field: 'bg-minutes', text: t('person.bgMinutesRange') }]),
    ];
    if (found.length) {
      setErrors(found);
      return;
    }
    setBusy(true);
    const r = await api('POST', '/break-glass', body);
    setBusy(false);
    if (r.ok) onOpened();
    else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  return (
    <section className="mr-section" aria-labelledby="bg-heading">
      <h2 className="govgr-heading-m" id="bg-heading">
        {t('person.bgHeading')}
      </h2>
      <p className="govgr-body mr-intro">{t('person.bgIntro')}</p>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextArea
          id="bg-reason"
          label={t('person.bgReason')}
          hint={t('person.bgReasonHint')}
          value={reason}
          onChange={setReason}
          error={reasonError}
        />
        <Input
          id="bg-minutes"
          label={t('person.bgMinutes')}
          hint={t('person.bgMinutesHint')}
          value={minutes}
          onChange={setMinutes}
          inputMode="numeric"
          className="mr-input-short"
          error={minutesError}
        />
        <button type="submit" className="govgr-btn govgr-btn-warning" disabled={busy}>
          {t('person.bgOpen')}
        </button>
      </form>
    </section>
  );
}
