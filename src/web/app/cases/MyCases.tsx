import type { TCase } from '../../../shared/cases/case.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { Status } from '../components.js';
import { CaseTable } from './CaseTable.js';
import { CursorPager } from './CursorPager.js';
import { useCursorPage } from './useCursorPage.js';

/** The worker's caseload on the home page: the active cases assigned to them (every status but closed), newest first. */
export function MyCases() {
  const { t, tp } = useStaffI18n();
  const list = useCursorPage<{ items: TCase[]; nextCursor: string | null }>('/cases?assigned=me&status=active&limit=25');
  const active = list.data?.items ?? null;
  return (
    <section className="mr-section" aria-labelledby="my-cases-heading">
      <h2 className="govgr-heading-m" id="my-cases-heading">
        {t('home.caseload')}
      </h2>
      {list.failed ? <p className="govgr-body mr-notice mr-notice--error">{list.failed}</p> : null}
      <Status>{active ? tp('home.caseloadCount', active.length) : t('common.loading')}</Status>
      {active && active.length === 0 ? <p className="govgr-body mr-notice">{t('home.caseloadEmpty')}</p> : null}
      {active && active.length > 0 ? <CaseTable cases={active} caption={t('home.caseloadCaption')} linkBy="person" /> : null}
      <CursorPager label={t('home.caseloadPaging')} list={list} />
      <p className="govgr-body">
        <Link to="/app/cases" className="govgr-link">
          {t('home.allCases')}
        </Link>
      </p>
    </section>
  );
}
