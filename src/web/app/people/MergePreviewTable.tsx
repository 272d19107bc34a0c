import type { TMergePreview } from '../../../shared/people/registry.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { el } from '../../i18n/staff/el.js';
import { displayName, formatDate } from './format.js';

type Side = 'survivor' | 'other';

/**
 * The merge preview, field by field: both values, the one the survivorship rule keeps, and a
 * radio per side so the worker can keep the other value instead.
 */
export function MergePreviewTable(props: {
  preview: TMergePreview;
  choices: Readonly<Record<string, Side>>;
  onChoose: (field: string, side: Side) => void;
}) {
  const { t, lang } = useStaffI18n();
  const label = (field: string) => {
    const key = `person.field.${field}`;
    return key in el ? t(key as StaffKey) : field;
  };

  function value(field: string, v: unknown): string {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('common.none');
    if (typeof v === 'boolean') return v ? t('merge.yes') : t('merge.no');
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      if (field === 'sex' && (v === 'M' || v === 'F')) return t(`person.sex.${v}`);
      if (field === 'legalStatus') return t(`person.legalStatus.${v}` as StaffKey);
      if (field === 'nationality') return displayName(v, 'region', lang);
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
    }
    if (Array.isArray(v)) {
      return v
        .map((item: unknown) => {
          if (typeof item === 'string') return field === 'languages' ? displayName(item, 'language', lang) : item;
          if (item && typeof item === 'object') {
            const o = item as Record<string, unknown>;
            if (typeof o.type === 'string' && typeof o.value === 'string')
              return `${t(`person.identifier.${o.type}` as StaffKey)} ${o.value}`;
            if (typeof o.givenName === 'string' && typeof o.familyName === 'string') return `${o.givenName} ${o.familyName}`;
          }
          return JSON.stringify(item);
        })
        .join('; ');
    }
    return JSON.stringify(v);
  }

  // Fields with the same value on both sides need no decision: they are counted, not listed.
  const differing = props.preview.fields.filter((f) => f.rule !== 'same');
  const same = props.preview.fields.length - differing.length;
  return (
    <>
      {same > 0 ? <p className="govgr-body">{t('merge.sameCount', { n: same })}</p> : null}
      <div className="mr-table-wrap">
        <table className="govgr-table mr-merge-table">
          <caption className="govgr-table__caption">{t('merge.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('merge.field')}</th>
              <th scope="col">{t('merge.survivor')}</th>
              <th scope="col">{t('merge.otherRecord')}</th>
              <th scope="col">{t('merge.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => {
              const chosen = props.choices[f.field] ?? f.chosen;
              const name = `merge-${f.field}`;
              return (
                <tr key={f.field}>
                  <th scope="row">{label(f.field)}</th>
                  {(['survivor', 'other'] as const).map((side) => (
                    <td key={side}>
                      <div className="govgr-radios__item mr-merge-choice">
                        <input
                          className="govgr-radios__input"
                          type="radio"
                          id={`${name}-${side}`}
                          name={name}
                          checked={chosen === side}
                          onChange={() => props.onChoose(f.field, side)}
                        />
                        <label className="govgr-label govgr-radios__label" htmlFor={`${name}-${side}`}>
                          <span className="govgr-visually-hidden">{`${label(f.field)}, ${t(side === 'survivor' ? 'merge.survivor' : 'merge.otherRecord')}: `}</span>
                          {value(f.field, side === 'survivor' ? f.survivor : f.other)}
                        </label>
                      </div>
                    </td>
                  ))}
                  <td>{t(`merge.rule.${f.rule}` as StaffKey)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
