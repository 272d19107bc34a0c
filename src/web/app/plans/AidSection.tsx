import { useCallback, useEffect, useRef, useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { pickText } from '../../../shared/localized.js';
import type { TAidRequest } from '../../../shared/plans/aid.js';
import { aidMoves } from '../../../shared/plans/lists.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { Input } from '../people/fields.js';
import { formatDate } from '../people/format.js';
import { AidForm } from './AidForm.js';

/**
 * Aid on a case: the requests with their status; a worker recommends, an approver (never the one
 * who recommended) approves or rejects, and a worker records the payment or the handover.
 */
export function AidSection(props: { caseId: string; me: TMe; canWrite: boolean; onChanged: () => void }) {
  const { t, lang } = useStaffI18n();
  const [items, setItems] = useState<TAidRequest[] | null>(null);
  const [open, setOpen] = useState(false);
  const [references, setReferences] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const canApprove = props.me.permissions.includes('case.approve');

  const load = useCallback(async () => {
    const r = await api<{ items: TAidRequest[] }>('GET', `/cases/${props.caseId}/aid-requests`);
    setItems(r.ok ? r.data.items : []);
  }, [props.caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function act(path: string, body: unknown, done: string) {
    const r = await api<TAidRequest>('POST', path, body);
    if (!r.ok) {
      setErrors([{ text: r.problem?.detail || t('common.network') }]);
      return;
    }
    setErrors([]);
    setMessage(done);
    await load();
    props.onChanged();
    headingRef.current?.focus();
  }

  const what = (a: TAidRequest) =>
    a.kind === 'cash' && a.amountCents !== null
      ? new Intl.NumberFormat(lang === 'el' ? 'el-GR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
          a.amountCents / 100,
        )
      : (a.goods ?? '');
  return (
    <section className="mr-section" aria-labelledby="aid-heading">
      <h2 className="govgr-heading-m" id="aid-heading" tabIndex={-1} ref={headingRef}>
        {t('aid.heading')}
      </h2>
      {message ? <Status>{message}</Status> : null}
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {items === null ? <Status>{t('common.loading')}</Status> : null}
      {items?.length === 0 ? <p className="govgr-body mr-notice">{t('aid.none')}</p> : null}
      {items?.length ? (
        <ul className="mr-plain-list">
          {items.map((a) => {
            const moves = aidMoves(a.kind, a.status);
            const mayDecide = canApprove && a.status === 'recommended' && a.recommendedBy.id !== props.me.user.id;
            const maySettle = props.canWrite && moves.some((m) => m === 'paid' || m === 'handed_over');
            return (
              <li key={a.id} className="mr-entry">
                <p className="govgr-body mr-entry__meta">
                  <strong>{what(a)}</strong> — {pickText(a.budgetLine.name, lang)} ·{' '}
                  <span className="mr-tag mr-status">{t(`aid.status.${a.status}` as StaffKey)}</span>
                </p>
                <p className="govgr-body mr-entry__text">{a.justification}</p>
                <p className="mr-hint">
                  {t('aid.by')}: {a.recommendedBy.displayName}, {formatDate(a.recommendedAt)}
                  {a.decision ? ` · ${a.decision.by.displayName}, ${formatDate(a.decision.at)}` : ''}
                  {a.settlement
                    ? ` · ${formatDate(a.settlement.on)}${a.settlement.reference ? ` (${a.settlement.reference})` : ''}`
                    : ''}
                </p>
                {mayDecide ? (
                  <div className="govgr-button-group mr-actions">
                    {(['approved', 'rejected'] as const).map((d) => (
                      <button
                        key={d}
                        type="button"
                        className={`govgr-btn ${d === 'approved' ? 'govgr-btn-primary' : 'govgr-btn-secondary'}`}
                        onClick={() => void act(`/aid-requests/${a.id}/decision`, { decision: d }, t('aid.decided'))}
                      >
                        {t(d === 'approved' ? 'aid.approve' : 'aid.reject', { what: what(a) })}
                      </button>
                    ))}
                  </div>
                ) : null}
                {maySettle ? (
                  <div className="mr-filters">
                    <Input
                      id={`aid-reference-${a.id}`}
                      label={t('aid.reference')}
                      value={references[a.id] ?? ''}
                      onChange={(v) => setReferences((r) => ({ ...r, [a.id]: v }))}
                    />
                    <button
                      type="button"
                      className="govgr-btn govgr-btn-secondary"
                      onClick={() => {
                        const reference = references[a.id]?.trim();
                        void act(`/aid-requests/${a.id}/payment`, reference ? { reference } : {}, t('aid.settled'));
                      }}
                    >
                      {t(a.kind === 'cash' ? 'aid.pay' : 'aid.handOver', { what: what(a) })}
                    </button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {props.canWrite && !open ? (
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setOpen(true)}>
          {t('aid.open')}
        </button>
      ) : null}
      {open ? (
        <AidForm
          caseId={props.caseId}
          onDone={(saved) => {
            setOpen(false);
            if (saved) {
              setMessage(t('aid.recommended'));
              void load();
              props.onChanged();
            }
            headingRef.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
