import { useStaffI18n } from '../../i18n/staff/index.js';
import type { CursorPage } from './useCursorPage.js';

/** Previous and next pages of a keyset-paged list, with the page number; nothing when there is one page. */
export function CursorPager<P>({ label, list }: { label: string; list: CursorPage<P> }) {
  const { t } = useStaffI18n();
  if (!list.hasPrevious && !list.hasNext) return null;
  return (
    <nav className="mr-pager" aria-label={label}>
      <p className="govgr-body mr-pager__range">{t('cases.page', { n: list.page })}</p>
      <div className="govgr-button-group">
        <button type="button" className="govgr-btn govgr-btn-secondary" disabled={!list.hasPrevious} onClick={list.previous}>
          {t('common.previous')}
        </button>
        <button type="button" className="govgr-btn govgr-btn-secondary" disabled={!list.hasNext} onClick={list.next}>
          {t('common.next')}
        </button>
      </div>
    </nav>
  );
}
