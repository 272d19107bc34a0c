import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { pickText } from '../../../shared/localized.js';
import type { TConsent } from '../../../shared/people/registry.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Input, Select, TextArea } from './fields.js';
import { today } from './format.js';
import { CONSENT_PURPOSES, LAWFUL_BASES } from '../../../shared/people/lists.js';
import { useOrganisations } from './useDirectory.js';
import { isCalendarDate } from './validate.js';

const LABELS: Record<string, StaffKey> = {
  purpose: 'consent.purpose',
  recipient: 'consent.recipient',
  lawfulBasis: 'consent.lawfulBasis',
  givenAt: 'consent.givenAt',
  expiresAt: 'consent.expiresAt',
  note: 'consent.note',
};

/** Recording a consent: for what, shared with whom, on which lawful basis, from when and until when. */
export function ConsentForm({ personId, onAdded }: { personId: string; onAdded: (consent: TConsent) => void }) {
  const { t, lang } = useStaffI18n();
  const organisations = useOrganisations();
  const [form, setForm] = useState({
    purpose: 'referral',
    recipient: '',
    lawfulBasis: 'consent',
    givenAt: today(),
    expiresAt: '',
    note: '',
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const errorOf = (field: string) => errors.find((e) => e.field === `consent-${field}`)?.text;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = {
      purpose: form.purpose,
      recipient: form.recipient || null,
      lawfulBasis: form.lawfulBasis,
      givenAt: form.givenAt,
      expiresAt: form.expiresAt || null,
      note: form.note.trim() || null,
    };
    // The limits of ZConsentCreate (src/shared/people/registry.ts): real dates, a note of at most 1,000 characters.
    const fields = [
      ...(isCalendarDate(body.givenAt) ? [] : ['givenAt']),
      ...(body.expiresAt && !isCalendarDate(body.expiresAt) ? ['expiresAt'] : []),
      ...((body.note?.length ?? 0) > 1000 ? ['note'] : []),
    ];
    if (fields.length) {
      setErrors(
        fields.map((f) => ({ field: `consent-${f}`, text: t('common.checkField', { field: t(LABELS[f] ?? 'consent.note') }) })),
      );
      return;
    }
    if (body.expiresAt && body.expiresAt < body.givenAt) {
      setErrors([{ field: 'consent-expiresAt', text: t('consent.expiresBeforeGiven') }]);
      return;
    }
    setBusy(true);
    const r = await api<TConsent>('POST', `/persons/${personId}/consents`, body);
    setBusy(false);
    if (r.ok) {
      setErrors([]);
      setForm((f) => ({ ...f, expiresAt: '', note: '' }));
      onAdded(r.data);
      return;
    }
    const field = r.problem?.errors?.[0]?.field.replace(/^body\./, '');
    setErrors([{ ...(field ? { field: `consent-${field}` } : {}), text: r.problem?.detail || t('common.network') }]);
  }

  return (
    <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="consent-add-heading">
      <h3 className="govgr-heading-s" id="consent-add-heading">
        {t('consent.add')}
      </h3>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <div className="mr-pair">
        <Select
          id="consent-purpose"
          label={t('consent.purpose')}
          value={form.purpose}
          onChange={set('purpose')}
          error={errorOf('purpose')}
          options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consent.purpose.${p}` as StaffKey) }))}
        />
        <Select
          id="consent-recipient"
          label={t('consent.recipient')}
          value={form.recipient}
          onChange={set('recipient')}
          error={errorOf('recipient')}
          options={[
            { value: '', label: t('consent.anyRecipient') },
            ...organisations.map((o) => ({ value: o.slug, label: pickText(o.name, lang) })),
          ]}
        />
      </div>
      <Select
        id="consent-lawfulBasis"
        label={t('consent.lawfulBasis')}
        value={form.lawfulBasis}
        onChange={set('lawfulBasis')}
        error={errorOf('lawfulBasis')}
        options={LAWFUL_BASES.map((b) => ({ value: b, label: t(`consent.basis.${b}` as StaffKey) }))}
      />
      <div className="mr-pair">
        <Input
          id="consent-givenAt"
          label={t('consent.givenAt')}
          type="date"
          value={form.givenAt}
          onChange={set('givenAt')}
          error={errorOf('givenAt')}
          className="mr-input-date"
        />
        <Input
          id="consent-expiresAt"
          label={t('consent.expiresAt')}
          hint={t('consent.expiresHint')}
          type="date"
          value={form.expiresAt}
          onChange={set('expiresAt')}
          error={errorOf('expiresAt')}
          className="mr-input-date"
        />
      </div>
      <TextArea
        id="consent-note"
        label={t('consent.note')}
        value={form.note}
        onChange={set('note')}
        error={errorOf('note')}
        rows={2}
      />
      <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
        {t('consent.addSubmit')}
      </button>
    </form>
  );
}
