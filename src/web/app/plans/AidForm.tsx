import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TAidCreate, TAidRequest } from '../../../shared/plans/aid.js';
import { AID_KINDS, type AidKind } from '../../../shared/plans/lists.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Fieldset, Input, Radio, Select, TextArea } from '../people/fields.js';

/** The budget lines every installation is seeded with (migration 0012); no route lists them yet. */
export const BUDGET_LINES = ['mutual-aid-fund', 'emergency-aid', 'in-kind-donations'] as const;

/** Euro as typed ("75,50", "150") to cents, or null when it is not an amount above zero. */
export function euroToCents(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}

/** A worker's recommendation of cash or in-kind aid on a case, for an approver to decide. */
export function AidForm(props: { caseId: string; onDone: (saved: TAidRequest | null) => void }) {
  const { t } = useStaffI18n();
  const [kind, setKind] = useState<AidKind>('cash');
  const [amount, setAmount] = useState('');
  const [goods, setGoods] = useState('');
  const [line, setLine] = useState<string>(BUDGET_LINES[0]);
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => document.getElementById('aid-kind-cash')?.focus(), []);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const cents = euroToCents(amount);
    const found: FormError[] = [];
    if (kind === 'cash' && cents === null) found.push({ field: 'aid-amount', text: t('aid.amountRequired') });
    if (kind === 'in_kind' && !goods.trim()) found.push({ field: 'aid-goods', text: t('aid.goodsRequired') });
    if (!justification.trim()) found.push({ field: 'aid-justification', text: t('aid.justificationRequired') });
    setErrors(found);
    if (found.length) return;
    const body: TAidCreate =
      kind === 'cash'
        ? { kind, amountCents: cents ?? 0, budgetLine: line, justification: justification.trim() }
        : { kind, goods: goods.trim(), budgetLine: line, justification: justification.trim() };
    setBusy(true);
    const r = await api<TAidRequest>('POST', `/cases/${props.caseId}/aid-requests`, body);
    setBusy(false);
    if (r.ok) props.onDone(r.data);
    else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  const errorOf = (id: string) => errors.find((e) => e.field === id)?.text;
  return (
    <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate aria-label={t('aid.open')}>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <Fieldset id="aid-kind" label={t('aid.kind')} inline>
        {AID_KINDS.map((k) => (
          <Radio
            key={k}
            id={`aid-kind-${k}`}
            name="aid-kind"
            label={t(`aid.kind.${k}` as StaffKey)}
            checked={kind === k}
            onChange={() => setKind(k)}
          />
        ))}
      </Fieldset>
      {kind === 'cash' ? (
        <Input
          id="aid-amount"
          label={t('aid.amount')}
          hint={t('aid.amountHint')}
          inputMode="text"
          value={amount}
          error={errorOf('aid-amount')}
          onChange={setAmount}
        />
      ) : (
        <Input id="aid-goods" label={t('aid.goods')} value={goods} error={errorOf('aid-goods')} onChange={setGoods} />
      )}
      <Select
        id="aid-line"
        label={t('aid.budgetLine')}
        value={line}
        onChange={setLine}
        options={BUDGET_LINES.map((l) => ({ value: l, label: t(`aid.line.${l}` as StaffKey) }))}
      />
      <TextArea
        id="aid-justification"
        label={t('aid.justification')}
        value={justification}
        error={errorOf('aid-justification')}
        onChange={setJustification}
      />
      <div className="govgr-button-group mr-actions">
        <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
          {t('aid.submit')}
        </button>
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => props.onDone(null)}>
          {t('aid.cancel')}
        </button>
      </div>
    </form>
  );
}
