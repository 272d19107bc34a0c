import { useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TCase, TCaseDetail, TStatusChange } from '../../../shared/cases/case.js';
import {
  CASE_TRANSITIONS,
  CLOSURE_OUTCOMES,
  CLOSURE_REASONS,
  type CaseStatus,
  type ClosureOutcome,
  type ClosureReason,
} from '../../../shared/cases/lists.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Select, TextArea } from '../people/fields.js';
import { outcomeLabel, reasonLabel, statusLabel } from './labels.js';

/**
 * Moving a case on: only the statuses the rules allow from where it stands (closing and reopening
 * only for those who may close); closing asks for a reason and an outcome. An approver sees the
 * closure approval when the case's type needs one.
 */
export function StatusControls({ item, me, onChanged }: { item: TCaseDetail; me: TMe; onChanged: (message: string) => void }) {
  const { t } = useStaffI18n();
  const canClose = me.permissions.includes('case.close');
  const moves = CASE_TRANSITIONS[item.status].filter((s) => canClose || (s !== 'closed' && item.status !== 'closed'));
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const [outcome, setOutcome] = useState<ClosureOutcome | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const chosen = to && moves.includes(to) ? to : (moves[0] ?? '');
  const closing = chosen === 'closed';
  const needsApproval = item.type.closureNeedsApproval && item.closureApproval === null && item.status !== 'closed';
  const canMove = moves.length > 0 && me.permissions.includes('case.update');

  function done(message: string) {
    setTo('');
    setReason('');
    setOutcome('');
    setNote('');
    setErrors([]);
    onChanged(message);
    heading.current?.focus();
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!chosen) return;
    const missing: FormError[] = [];
    if (closing && !reason) missing.push({ field: 'status-reason', text: t('status.reasonRequired') });
    if (closing && !outcome) missing.push({ field: 'status-outcome', text: t('status.outcomeRequired') });
    setErrors(missing);
    if (missing.length) return;
    const body: TStatusChange = {
      status: chosen,
      ...(closing && reason ? { reason } : {}),
      ...(closing && outcome ? { outcome } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setBusy(true);
    const r = await api<TCase>('POST', `/cases/${item.id}/status`, body);
    setBusy(false);
    if (r.ok) done(t('status.changed', { status: statusLabel(t, r.data.status) }));
    else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  async function approve() {
    setBusy(true);
    const r = await api<TCase>('POST', `/cases/${item.id}/closure-approval`, {});
    setBusy(false);
    if (r.ok) done(t('status.approved'));
    else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  const errorOf = (id: string) => errors.find((e) => e.field === id)?.text;
  // A reader who can neither move the case nor approve its closure has nothing to do here.
  if (!canMove && !needsApproval) return null;
  return (
    <section className="mr-section" aria-labelledby="status-heading">
      <h2 className="govgr-heading-m" id="status-heading" tabIndex={-1} ref={heading}>
        {t('status.heading')}
      </h2>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {needsApproval ? <p className="govgr-body mr-notice">{t('status.needsApproval')}</p> : null}
      {needsApproval && me.permissions.includes('case.approve') ? (
        <button type="button" className="govgr-btn govgr-btn-secondary" disabled={busy} onClick={() => void approve()}>
          {t('status.approve')}
        </button>
      ) : null}
      {canMove ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Select
            id="status-to"
            label={t('status.to')}
            value={chosen}
            onChange={(v) => setTo(moves.find((m) => m === v) ?? '')}
            options={moves.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          />
          {closing ? (
            <>
              <Select
                id="status-reason"
                label={t('case.closureReason')}
                value={reason}
                error={errorOf('status-reason')}
                onChange={(v) => setReason(CLOSURE_REASONS.find((r) => r === v) ?? '')}
                options={[
                  { value: '', label: t('status.choose') },
                  ...CLOSURE_REASONS.map((r) => ({ value: r, label: reasonLabel(t, r) })),
                ]}
              />
              <Select
                id="status-outcome"
                label={t('case.closureOutcome')}
                value={outcome}
                error={errorOf('status-outcome')}
                onChange={(v) => setOutcome(CLOSURE_OUTCOMES.find((o) => o === v) ?? '')}
                options={[
                  { value: '', label: t('status.choose') },
                  ...CLOSURE_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(t, o) })),
                ]}
              />
            </>
          ) : null}
          <TextArea id="status-note" label={t('status.note')} value={note} onChange={setNote} rows={2} />
          <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
            {closing ? t('status.close') : t('status.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
