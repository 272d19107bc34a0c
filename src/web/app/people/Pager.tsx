import { useStaffI18n } from '../../i18n/staff/index.js';

/** Previous and next pages of a list, with where the list stands ("21–40 από 45"). */
export function Pager(props: {
  label: string;
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useStaffI18n();
  const { offset, limit, total, onOffset } = props;
  if (total <= limit && offset === 0) return null;
  const from = Math.min(total, offset + 1);
  const to = Math.min(total, offset + limit);
  return (
    <nav className="mr-pager" aria-label={props.label}>
      <p className="govgr-body mr-pager__range">{t('persons.range', { from, to, total })}</p>
      <div className="govgr-button-group">
        <button
          type="button"
          className="govgr-btn govgr-btn-secondary"
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - limit))}
        >
          {t('common.previous')}
        </button>
        <button
          type="button"
          className="govgr-btn govgr-btn-secondary"
          disabled={offset + limit >= total}
          onClick={() => onOffset(offset + limit)}
        >
          {t('common.next')}
        </button>
      </div>
    </nav>
  );
}
