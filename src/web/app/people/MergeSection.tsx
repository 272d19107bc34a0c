import { useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TPerson, TPersonSummary } from '../../../shared/people/person.js';
import type { TMergePreview } from '../../../shared/people/registry.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { TextArea } from './fields.js';
import { formatBirthDate, formatPercent, fullName } from './format.js';
import { MergePreviewTable } from './MergePreviewTable.js';
import { PersonPicker } from './PersonPicker.js';
import { Warning } from './Warning.js';

type Side = 'survivor' | 'other';

/**
 * Merging another record into this one: pick the other person, read what the merge would keep
 * field by field, override where the rule is wrong, give a reason, confirm. A merge can be undone.
 */
export function MergeSection({ person, onMerged }: { person: TPerson; onMerged: () => Promise<void> }) {
  const { t, lang } = useStaffI18n();
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState<TPersonSummary | null>(null);
  const [preview, setPreview] = useState<TMergePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const previewRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);

  function reset() {
    setOther(null);
    setPreview(null);
    setChoices({});
    setReason('');
    setErrors([]);
  }

  async function pick(p: TPersonSummary) {
    setOther(p);
    setErrors([]);
    const r = await api<TMergePreview>('POST', `/persons/${person.id}/merge-preview`, { other: p.id });
    if (r.ok) setPreview(r.data);
    else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  async function confirm(event: SyntheticEvent) {
    event.preventDefault();
    if (!preview || !other) return;
    if (reason.trim().length < 3) {
      setErrors([{ field: 'merge-reason', text: t('merge.reasonShort') }]);
      return;
    }
    // Only the overrides are sent: the server applies its own rule to every other field.
    const overrides = Object.fromEntries(
      Object.entries(choices).filter(([field, side]) => preview.fields.find((f) => f.field === field)?.chosen !== side),
    );
    setBusy(true);
    const r = await api<TPerson>('POST', `/persons/${person.id}/merge`, {
      other: other.id,
      reason: reason.trim(),
      ...(Object.keys(overrides).length ? { choices: overrides } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setErrors([{ text: r.problem?.detail || t('common.network') }]);
      return;
    }
    reset();
    setOpen(false);
    await onMerged();
  }

  if (!open) {
    return (
      <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setOpen(true)}>
        {t('merge.start')}
      </button>
    );
  }
  return (
    <section className="mr-subform" aria-labelledby="merge-heading">
      <h3 className="govgr-heading-s" id="merge-heading">
        {t('merge.heading')}
      </h3>
      <p className="govgr-body">{t('merge.intro')}</p>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {!other ? (
        <PersonPicker id="merge-search" label={t('merge.search')} exclude={person.id} onPick={(p) => void pick(p)} />
      ) : null}
      {preview && other ? (
        <form onSubmit={(e) => void confirm(e)} noValidate>
          <h4 className="govgr-heading-s" tabIndex={-1} ref={previewRef}>
            {t('merge.previewHeading', { name: fullName(other) })}
          </h4>
          <p className="govgr-body">
            {t('merge.pair', {
              survivor:
                `${fullName(preview.survivor)} ${formatBirthDate(preview.survivor.birthDate, preview.survivor.birthDateApproximate, t('person.approximate'))}`.trim(),
              other:
                `${fullName(preview.other)} ${formatBirthDate(preview.other.birthDate, preview.other.birthDateApproximate, t('person.approximate'))}`.trim(),
              score: formatPercent(preview.score, lang),
            })}
          </p>
          {preview.cannotLink ? <Warning label={t('person.warning')}>{t('merge.cannotLink')}</Warning> : null}
          <MergePreviewTable
            preview={preview}
            choices={choices}
            onChoose={(field, side) => setChoices((c) => ({ ...c, [field]: side }))}
          />
          <TextArea
            id="merge-reason"
            label={t('merge.reason')}
            value={reason}
            onChange={setReason}
            error={errors.find((e) => e.field === 'merge-reason')?.text}
          />
          <div className="govgr-button-group mr-actions">
            <button type="submit" className="govgr-btn govgr-btn-warning" disabled={busy}>
              {t('merge.confirm')}
            </button>
            <button
              type="button"
              className="govgr-btn govgr-btn-secondary"
              onClick={() => {
                reset();
                setOpen(false);
              }}
            >
              {t('person.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {!preview ? (
        <button
          type="button"
          className="govgr-btn govgr-btn-secondary"
          onClick={() => {
            reset();
            setOpen(false);
          }}
        >
          {t('person.cancel')}
        </button>
      ) : null}
    </section>
  );
}
