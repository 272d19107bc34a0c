import type { TCaseDetail } from '../../../shared/cases/case.js';
import { ENTRY_KINDS } from '../../../shared/cases/lists.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { formatDate, fullName } from '../people/format.js';
import { SummaryList } from '../people/SummaryList.js';
import { formatDateTime } from './format.js';
import { kindLabel, outcomeLabel, reasonLabel, statusLabel } from './labels.js';

/** The header of a case: who, where, what type, its status and worker; then its entries counted by kind. */
export function CaseDetails({ item }: { item: TCaseDetail }) {
  const { t, tp, lang } = useStaffI18n();
  const counted = ENTRY_KINDS.filter((k) => (item.entryCounts[k] ?? 0) > 0);
  return (
    <>
      <SummaryList
        rows={[
          {
            key: 'person',
            label: t('case.person'),
            value: item.person ? (
              <Link to={`/app/persons/${item.person.id}`} className="govgr-link">
                {fullName(item.person)}
              </Link>
            ) : (
              t('cases.household')
            ),
          },
          { key: 'structure', label: t('case.structure'), value: pickText(item.structure.name, lang) },
          { key: 'type', label: t('case.type'), value: pickText(item.type.name, lang) },
          {
            key: 'status',
            label: t('case.status'),
            value: <span className={`mr-tag mr-status mr-status--${item.status}`}>{statusLabel(t, item.status)}</span>,
          },
          { key: 'assigned', label: t('case.assignedTo'), value: item.assignedTo?.displayName ?? t('case.nobody') },
          { key: 'summary', label: t('case.summary'), value: item.summary ?? t('common.none') },
          { key: 'opened', label: t('case.openedAt'), value: formatDate(item.openedAt) },
          { key: 'closed', label: t('case.closedAt'), value: item.closedAt ? formatDate(item.closedAt) : undefined },
          {
            key: 'reason',
            label: t('case.closureReason'),
            value: item.closureReason ? reasonLabel(t, item.closureReason) : undefined,
          },
          {
            key: 'outcome',
            label: t('case.closureOutcome'),
            value: item.closureOutcome ? outcomeLabel(t, item.closureOutcome) : undefined,
          },
          {
            key: 'approval',
            label: t('case.closureApproval'),
            value: item.closureApproval
              ? t('case.approvedBy', { name: item.closureApproval.by, at: formatDateTime(item.closureApproval.at) })
              : item.type.closureNeedsApproval && item.status !== 'closed'
                ? t('case.approvalPending')
                : undefined,
          },
        ]}
      />
      <h2 className="govgr-heading-m" id="counts-heading">
        {t('case.counts')}
      </h2>
      {counted.length === 0 ? (
        <p className="govgr-body">{t('case.noEntries')}</p>
      ) : (
        <ul className="mr-tags" aria-labelledby="counts-heading">
          {counted.map((k) => (
            <li key={k} className="mr-tag">
              {kindLabel(t, k)}: {item.entryCounts[k] ?? 0}
            </li>
          ))}
        </ul>
      )}
      {item.hiddenEntries > 0 ? <p className="govgr-body mr-notice">{tp('case.hiddenEntries', item.hiddenEntries)}</p> : null}
    </>
  );
}
