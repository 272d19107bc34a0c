import { useEffect, useState } from 'react';
import { pickText } from '../../../shared/localized.js';
import type { TPersonSummary } from '../../../shared/people/person.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { Status } from '../components.js';
import { Input } from './fields.js';
import { formatBirthDate, fullName, latinName } from './format.js';
import { Pager } from './Pager.js';

interface Page {
  items: TPersonSummary[];
  total: number;
  limit: number;
  offset: number;
}

const LIMIT = 20;

/**
 * The persons registered at the worker's structures, searchable by name in any script or spelling.
 * The search text stays in the page, not in the address, so no name lands in the browser history.
 */
export function PersonsPage({ canCreate }: { canCreate: boolean }) {
  const { t, tp, lang } = useStaffI18n();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams({ limit: String(LIMIT), offset: String(offset) });
      if (q.trim()) params.set('q', q.trim());
      void api<Page>('GET', `/persons?${params.toString()}`).then((r) => {
        if (r.ok) {
          setPage(r.data);
          setFailed(null);
        } else setFailed(r.problem?.status === 403 ? t('common.forbidden') : r.problem?.detail || t('common.network'));
      });
    }, 250);
    return () => window.clearTimeout(timer);
  }, [q, offset, t]);

  return (
    <>
      <div className="mr-heading-row">
        <h1 className="govgr-heading-xl">{t('persons.heading')}</h1>
        {canCreate ? (
          <Link to="/app/persons/new" className="govgr-btn govgr-btn-primary mr-heading-row__action">
            {t('persons.new')}
          </Link>
        ) : null}
      </div>
      <div role="search">
        <Input
          id="person-search"
          label={t('persons.search')}
          hint={t('persons.searchHint')}
          type="search"
          value={q}
          onChange={(v) => {
            setQ(v);
            setOffset(0);
          }}
        />
      </div>
      {failed ? <p className="govgr-body mr-notice mr-notice--error">{failed}</p> : null}
      <Status>{page ? tp('persons.count', page.total) : t('common.loading')}</Status>
      {page && page.items.length === 0 ? (
        <p className="govgr-body mr-notice">{q.trim() ? t('persons.noMatch') : t('persons.empty')}</p>
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <div className="mr-table-wrap">
            <table className="govgr-table">
              <caption className="govgr-table__caption">{t('persons.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('persons.name')}</th>
                  <th scope="col">{t('person.field.birthDate')}</th>
                  <th scope="col">{t('person.structures')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((p) => {
                  const latin = latinName(p);
                  return (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/app/persons/${p.id}`} className="govgr-link">
                          {fullName(p)}
                        </Link>
                        {latin ? (
                          <span className="mr-latin" lang="en">
                            {latin}
                          </span>
                        ) : null}
                      </th>
                      <td>{formatBirthDate(p.birthDate, p.birthDateApproximate, t('person.approximate')) || t('common.none')}</td>
                      <td>{p.structures.map((s) => pickText(s.name, lang)).join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager label={t('persons.paging')} offset={page.offset} limit={page.limit} total={page.total} onOffset={setOffset} />
        </>
      ) : null}
    </>
  );
}
