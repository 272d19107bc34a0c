import { useRef } from 'react';
import { normaliseIdentifier, type IdentifierType } from '../../../shared/people/identifiers.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { Input, Select } from './fields.js';
import { allowedIdentifierTypes } from './format.js';
import type { IdentifierRow } from './personForm.js';

/** Rows of identifier type and number, added and removed by the worker; a failed check warns but never blocks. */
export function IdentifierRows(props: {
  prefix: string;
  rows: IdentifierRow[];
  onChange: (rows: IdentifierRow[]) => void;
  clearances: readonly string[];
  errors: Readonly<Record<string, string>>;
}) {
  const { t } = useStaffI18n();
  const { prefix, rows, onChange, clearances, errors } = props;
  const nextKey = useRef(rows.reduce((max, r) => Math.max(max, r.key + 1), 0));
  const types = allowedIdentifierTypes(clearances);
  const update = (key: number, change: Partial<IdentifierRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  function add() {
    const key = nextKey.current++;
    onChange([...rows, { key, type: types[0] ?? 'amka', value: '' }]);
    // The new row's type select takes focus, so a keyboard user carries on where the row appeared.
    window.setTimeout(() => document.getElementById(`${prefix}-identifier-${rows.length}-type`)?.focus(), 0);
  }

  return (
    <fieldset className="govgr-fieldset mr-group" id={`${prefix}-identifiers`}>
      <legend className="govgr-fieldset__legend govgr-heading-s">{t('person.field.identifiers')}</legend>
      {rows.length === 0 ? <p className="govgr-body">{t('intake.noIdentifiers')}</p> : null}
      <ul className="mr-plain-list">
        {rows.map((row, index) => {
          const number = index + 1;
          const checked = row.value.trim() ? normaliseIdentifier(row.type, row.value) : null;
          const warning =
            checked && !checked.valid && checked.problem ? t(`person.idProblem.${checked.problem}` as StaffKey) : undefined;
          // A stored type the worker may no longer write stays visible in the list of choices.
          const options = types.includes(row.type) ? types : [row.type, ...types];
          return (
            <li key={row.key} className="mr-identifier-row">
              <Select
                id={`${prefix}-identifier-${index}-type`}
                label={t('intake.identifierType', { n: number })}
                value={row.type}
                onChange={(v) => update(row.key, { type: v as IdentifierType })}
                options={options.map((type) => ({ value: type, label: t(`person.identifier.${type}` as StaffKey) }))}
                error={errors[`identifiers.${index}.type`]}
              />
              <Input
                id={`${prefix}-identifier-${index}-value`}
                label={t('intake.identifierValue', { n: number })}
                value={row.value}
                onChange={(v) => update(row.key, { value: v })}
                error={errors[`identifiers.${index}.value`] ?? errors[`identifiers.${index}`]}
                {...(warning ? { hint: t('intake.identifierWarning', { problem: warning }) } : {})}
              />
              <button
                type="button"
                className="govgr-btn govgr-btn-secondary mr-identifier-row__remove"
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                {t('intake.removeIdentifier', { n: number })}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="govgr-btn govgr-btn-secondary" onClick={add}>
        {t('intake.addIdentifier')}
      </button>
    </fieldset>
  );
}
