import type { TCase } from '../../../shared/cases/case.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { formatDate, fullName } from '../people/format.js';
import { statusLabel } from './labels.js';

/**
 * A table of cases. Each row links to the case by the person's name, or (on the person's own
 * page, where the name would repeat) by the case type.
 */
export function CaseTable({ cases, caption, linkBy }: { cases: readonly TCase[]; caption: string; linkBy: 'person' | 'type' }) {
  const { t, lang } = useStaffI18n();
  const who = (c: TCase) => (c.person ? fullName(c.person) : t('cases.household'));
  return (
    <div className="mr-table-wrap">
      <table className="govgr-table">
        <caption className="govgr-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{linkBy === 'person' ? t('case.person') : t('case.type')}</th>
            {linkBy === 'person' ? <th scope="col">{t('case.type')}</th> : null}
            <th scope="col">{t('case.status')}</th>
            <th scope="col">{t('case.structure')}</th>
            <th scope="col">{t('case.assignedTo')}</th>
            <th scope="col">{t('case.openedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/app/cases/${c.id}`} className="govgr-link">
                  {linkBy === 'person' ? who(c) : pickText(c.type.name, lang)}
                </Link>
              </th>
              {linkBy === 'person' ? <td>{pickText(c.type.name, lang)}</td> : null}
              <td>
                <span className={`mr-tag mr-status mr-status--${c.status}`}>{statusLabel(t, c.status)}</span>
              </td>
              <td>{pickText(c.structure.name, lang)}</td>
              <td>{c.assignedTo?.displayName ?? t('case.nobody')}</td>
              <td>{formatDate(c.openedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
