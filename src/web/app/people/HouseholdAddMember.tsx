import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TPersonSummary } from '../../../shared/people/person.js';
import type { THousehold } from '../../../shared/people/registry.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Input, Select } from './fields.js';
import { fullName, today } from './format.js';
import { RELATIONSHIPS, type Relationship } from '../../../shared/people/lists.js';
import { PersonPicker } from './PersonPicker.js';
import { isCalendarDate } from './validate.js';

/** Adding a registered person to a household, with their relationship to the head and the date they joined. */
export function HouseholdAddMember(props: { household: THousehold; personId: string; onDone: (household: THousehold) => void }) {
  const { t } = useStaffI18n();
  const { household } = props;
  const prefix = `hh-${household.id.slice(0, 8)}`;
  const [picked, setPicked] = useState<TPersonSummary | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('child');
  const [from, setFrom] = useState(today());
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!picked) {
      setErrors([{ field: `${prefix}-search`, text: t('household.pickFirst') }]);
      return;
    }
    if (from && !isCalendarDate(from)) {
      setErrors([{ field: `${prefix}-from`, text: t('common.checkField', { field: t('household.from') }) }]);
      return;
    }
    setBusy(true);
    const r = await api<THousehold>('POST', `/households/${household.id}/members`, {
      person: picked.id,
      relationship,
      ...(from ? { from } : {}),
    });
    setBusy(false);
    if (r.ok) {
      setErrors([]);
      setPicked(null);
      props.onDone(r.data);
    } else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  const present = new Set(household.members.filter((m) => m.to === null).map((m) => m.person.id));
  return (
    <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${prefix}-add-heading`}>
      <h3 className="govgr-heading-s" id={`${prefix}-add-heading`}>
        {t('household.add')}
      </h3>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {picked ? (
        <p className="govgr-body">
          {t('household.picked', { name: fullName(picked) })}{' '}
          <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setPicked(null)}>
            {t('household.pickAnother')}
          </button>
        </p>
      ) : (
        <PersonPicker
          id={`${prefix}-search`}
          label={t('household.search')}
          exclude={props.personId}
          onPick={(p) => (present.has(p.id) ? setErrors([{ text: t('household.already') }]) : setPicked(p))}
        />
      )}
      <div className="mr-pair">
        <Select
          id={`${prefix}-relationship`}
          label={t('household.relationship')}
          value={relationship}
          onChange={(v) => setRelationship(v as typeof relationship)}
          options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`household.rel.${r}` as StaffKey) }))}
        />
        <Input
          id={`${prefix}-from`}
          label={t('household.from')}
          type="date"
          value={from}
          onChange={setFrom}
          className="mr-input-date"
        />
      </div>
      <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
        {t('household.addSubmit')}
      </button>
    </form>
  );
}
