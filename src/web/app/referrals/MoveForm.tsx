import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import {
  DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  allowedMoves,
  type DeclinedBy,
  type ReferralStatus,
  type Side,
} from '../../../shared/referrals/machine.js';
import type { TReferral, TTransition } from '../../../shared/referrals/referral.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Select, TextArea } from '../people/fields.js';
import { declineReasonLabel, declinedByLabel, referralOutcomeLabel, referralStatusLabel } from '../plans/labels.js';

/** The moves the reader may make: the machine's legal moves for each side they are on and hold the permission of. */
export function movesFor(item: TReferral, permissions: readonly string[]): { to: ReferralStatus; by: Side }[] {
  const sides: Side[] = [];
  if ((item.side === 'receiver' || item.side === 'both') && permissions.includes('referral.respond')) sides.push('receiver');
  if ((item.side === 'sender' || item.side === 'both') && permissions.includes('referral.create')) sides.push('sender');
  const moves: { to: ReferralStatus; by: Side }[] = [];
  for (const by of sides) {
    for (const to of allowedMoves(item.status, by)) if (!moves.some((m) => m.to === to)) moves.push({ to, by });
  }
  return moves;
}

/** The next step of a referral: only the legal moves, a coded reason to decline, an outcome to complete. */
export function MoveForm(props: {
  item: TReferral;
  etag: string | null;
  moves: { to: ReferralStatus; by: Side }[];
  onMoved: (item: TReferral, etag: string | null) => void;
  onStale: () => void;
}) {
  const { t } = useStaffI18n();
  const { moves } = props;
  const [to, setTo] = useState<ReferralStatus>(moves[0]?.to ?? 'cancelled');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const move = moves.find((m) => m.to === to) ?? moves[0];
  // The sender records only the person's decline; the receiver may record either.
  const decliners: DeclinedBy[] = moves.some((m) => m.to === 'declined' && m.by === 'receiver')
    ? ['provider', 'person']
    : ['person'];
  const [declinedBy, setDeclinedBy] = useState<DeclinedBy>(decliners[0] ?? 'person');

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!move) return;
    const found: FormError[] = [];
    if (move.to === 'declined' && !reason) found.push({ field: 'move-reason', text: t('referral.reasonRequired') });
    if (move.to === 'completed' && !outcome) found.push({ field: 'move-outcome', text: t('referral.outcomeRequired') });
    setErrors(found);
    if (found.length) return;
    const body: TTransition = {
      to: move.to,
      ...(move.to === 'declined' ? { reason: DECLINE_REASONS.find((r) => r === reason), declinedBy } : {}),
      ...(move.to === 'completed' ? { outcome: REFERRAL_OUTCOMES.find((o) => o === outcome) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setBusy(true);
    const r = await api<TReferral>('POST', `/referrals/${props.item.id}/transitions`, body, {
      headers: props.etag ? { 'if-match': props.etag } : {},
    });
    setBusy(false);
    if (r.ok) props.onMoved(r.data, r.etag);
    else if (r.problem?.status === 409 && r.problem.currentVersion) {
      setErrors([{ text: t('referral.stale') }]);
      props.onStale();
    } else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  return (
    <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="move-heading">
      <h2 className="govgr-heading-m" id="move-heading">
        {t('referral.moves')}
      </h2>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <Select
        id="move-to"
        label={t('referral.next')}
        value={move?.to ?? ''}
        onChange={(v) => setTo(moves.find((m) => m.to === v)?.to ?? to)}
        options={moves.map((m) => ({ value: m.to, label: referralStatusLabel(t, m.to) }))}
      />
      {move?.to === 'declined' ? (
        <>
          <Select
            id="move-reason"
            label={t('referral.reason')}
            value={reason}
            error={errors.find((e) => e.field === 'move-reason')?.text}
            onChange={setReason}
            options={[
              { value: '', label: t('refer.choose') },
              ...DECLINE_REASONS.map((r) => ({ value: r, label: declineReasonLabel(t, r) })),
            ]}
          />
          <Select
            id="move-declined-by"
            label={t('referral.declinedBy')}
            value={declinedBy}
            onChange={(v) => setDeclinedBy(decliners.find((d) => d === v) ?? declinedBy)}
            options={decliners.map((d) => ({ value: d, label: declinedByLabel(t, d) }))}
          />
        </>
      ) : null}
      {move?.to === 'completed' ? (
        <Select
          id="move-outcome"
          label={t('referral.outcomeField')}
          value={outcome}
          error={errors.find((e) => e.field === 'move-outcome')?.text}
          onChange={setOutcome}
          options={[
            { value: '', label: t('refer.choose') },
            ...REFERRAL_OUTCOMES.map((o) => ({ value: o, label: referralOutcomeLabel(t, o) })),
          ]}
        />
      ) : null}
      <TextArea id="move-note" label={t('referral.note')} value={note} onChange={setNote} />
      <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
        {t('referral.move')}
      </button>
    </form>
  );
}
