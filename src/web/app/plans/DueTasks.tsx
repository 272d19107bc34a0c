import { useEffect, useState } from 'react';
import type { TOverdue } from '../../../shared/plans/plan.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { Status } from '../components.js';
import { formatDate } from '../people/format.js';

/** The worker's overdue tasks and plan reviews on the home page, oldest first, each linking to its case. */
export function DueTasks() {
  const { t, tp } = useStaffI18n();
  const [data, setData] = useState<TOverdue | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void api<TOverdue>('GET', '/tasks/overdue?limit=25', undefined, { signal: controller.signal }).then((r) => {
      if (controller.signal.aborted) return;
      if (r.ok) setData(r.data);
      else setFailed(r.problem?.detail || t('common.network'));
    });
    return () => controller.abort();
  }, [t]);

  const rows = data
    ? [
        ...data.tasks.map((x) => ({ key: x.action, case: x.case, text: x.text, due: x.dueOn, late: x.daysOverdue })),
        ...data.reviews.map((x) => ({
          key: `review-${x.case}`,
          case: x.case,
          text: t('tasks.review'),
          due: x.nextReviewOn,
          late: x.daysOverdue,
        })),
      ]
    : null;
  return (
    <section className="mr-section" aria-labelledby="due-tasks-heading">
      <h2 className="govgr-heading-m" id="due-tasks-heading">
        {t('tasks.heading')}
      </h2>
      {failed ? <p className="govgr-body mr-notice mr-notice--error">{failed}</p> : null}
      <Status>{rows ? tp('tasks.count', rows.length) : t('common.loading')}</Status>
      {rows && rows.length === 0 ? <p className="govgr-body mr-notice">{t('tasks.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="mr-table-wrap">
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t('tasks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tasks.task')}</th>
                <th scope="col">{t('tasks.due')}</th>
                <th scope="col">{t('tasks.late')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    <Link to={`/app/cases/${r.case}`} className="govgr-link">
                      {r.text}
                    </Link>
                  </th>
                  <td>{formatDate(r.due)}</td>
                  <td>{tp('tasks.days', r.late)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
