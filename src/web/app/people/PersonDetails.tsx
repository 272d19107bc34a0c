import { pickText } from '../../../shared/localized.js';
import type { TPerson } from '../../../shared/people/person.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { displayName, formatBirthDate, formatDate, latinName } from './format.js';
import { SummaryList, type SummaryRow } from './SummaryList.js';
import { Warning } from './Warning.js';

/**
 * A person's record as stored. A field the reader is not cleared for is absent from the answer,
 * and so has no row here at all: not even an empty one that would hint it exists.
 */
export function PersonDetails({ person: p }: { person: TPerson }) {
  const { t, lang } = useStaffI18n();
  const none = t('common.none');
  // undefined (absent: not cleared) → no row; null or empty (cleared, unknown) → a dash.
  const shown = (v: string | number | null | undefined): string | undefined =>
    v === undefined ? undefined : v === null || v === '' ? none : String(v);
  const row = (key: string, value: SummaryRow['value']): SummaryRow => ({
    key,
    label: t(`person.field.${key}` as StaffKey),
    value,
  });

  const identity: SummaryRow[] = [
    row('givenName', p.givenName),
    row('familyName', p.familyName),
    { key: 'latin', label: t('person.latin'), value: latinName(p) ?? undefined },
    {
      key: 'aliases',
      label: t('person.aliases'),
      value: p.aliases.length ? p.aliases.map((a) => `${a.givenName} ${a.familyName}`).join('; ') : undefined,
    },
    row('fatherName', shown(p.fatherName)),
    row('motherName', shown(p.motherName)),
    row('sex', p.sex ? t(`person.sex.${p.sex}`) : none),
    row('birthDate', formatBirthDate(p.birthDate, p.birthDateApproximate, t('person.approximate')) || none),
    row('nationality', p.nationality ? displayName(p.nationality, 'region', lang) : none),
    row(
      'languages',
      p.languages.length
        ? p.languages.map((l) => displayName(l, 'language', lang, { rom: t('person.language.rom') })).join(', ')
        : none,
    ),
    row(
      'legalStatus',
      p.legalStatus === undefined ? undefined : p.legalStatus ? t(`person.legalStatus.${p.legalStatus}` as StaffKey) : none,
    ),
  ];
  const contact: SummaryRow[] = [
    row('phone', shown(p.phone)),
    row('email', shown(p.email)),
    row('address', shown(p.address)),
    row('community', p.community === null ? none : t('person.communityN', { n: p.community })),
  ];
  const sensitive: SummaryRow[] = [
    row(
      'disabilityPercent',
      p.disabilityPercent === undefined ? undefined : p.disabilityPercent === null ? none : `${p.disabilityPercent}%`,
    ),
    row('disabilityNotes', shown(p.disabilityNotes)),
    row('healthNotes', shown(p.healthNotes)),
    row('gbvNotes', shown(p.gbvNotes)),
    row('minority', shown(p.minority)),
  ];

  return (
    <>
      {p.records > 1 ? <p className="govgr-body mr-notice">{t('person.merged', { n: p.records })}</p> : null}
      <h2 className="govgr-heading-m">{t('intake.identity')}</h2>
      <SummaryList rows={identity} />
      <h2 className="govgr-heading-m">{t('intake.contact')}</h2>
      <SummaryList rows={contact} />

      <h2 className="govgr-heading-m">{t('person.field.identifiers')}</h2>
      {p.identifiers.length === 0 ? <p className="govgr-body">{t('person.noIdentifiers')}</p> : null}
      <ul className="mr-plain-list mr-identifiers">
        {p.identifiers.map((i) => (
          <li key={`${i.type}:${i.value}`} className="mr-identifier">
            <span className="mr-identifier__type">{t(`person.identifier.${i.type}` as StaffKey)}</span> <code>{i.value}</code>
            {i.valid ? null : (
              <Warning label={t('person.warning')}>
                {t('person.idInvalid', {
                  problem: i.problem ? t(`person.idProblem.${i.problem}` as StaffKey) : t('person.idProblem.format'),
                })}
              </Warning>
            )}
          </li>
        ))}
      </ul>

      {sensitive.some((r) => r.value !== undefined) ? (
        <>
          <h2 className="govgr-heading-m">{t('intake.sensitive')}</h2>
          <SummaryList rows={sensitive} />
        </>
      ) : null}

      <div className="mr-table-wrap">
        <table className="govgr-table">
          <caption className="govgr-table__caption govgr-heading-m">{t('person.registrations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('person.structure')}</th>
              <th scope="col">{t('person.registeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {p.registrations.map((r) => (
              <tr key={r.id}>
                <th scope="row">{pickText(r.structure.name, lang)}</th>
                <td>{formatDate(r.registeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
