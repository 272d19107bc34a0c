import { useEffect, useState } from 'react';
import type { TUser } from '../../../shared/auth.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { Status, TextField } from '../components.js';
import { NewUserForm } from './NewUser.js';

interface Page {
  items: TUser[];
  total: number;
}

/** Staff users, searchable, for those who may read them. */
export function UsersPage({ canManage }: { canManage: boolean }) {
  const { t, lang } = useStaffI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const query = q.trim() ? `?q=${encodeURIComponent(q.trim())}&limit=100` : '?limit=100';
      void api<Page>('GET', `/users${query}`).then((r) => {
        if (r.ok) {
          setPage(r.data);
          setFailed(null);
        } else setFailed(r.problem?.status === 403 ? t('common.forbidden') : (r.problem?.detail ?? t('common.network')));
      });
    }, 250);
    return () => window.clearTimeout(timer);
  }, [q, t, version]);

  return (
    <>
      <h1 className="govgr-heading-xl">{t('users.heading')}</h1>
      <TextField id="user-search" label={t('users.search')} value={q} onChange={setQ} type="search" />
      {failed ? <p className="govgr-body mr-notice mr-notice--error">{failed}</p> : null}
      {page ? <Status>{t('users.count', { count: page.total })}</Status> : <Status>{t('common.loading')}</Status>}
      {page && page.items.length === 0 ? <p className="govgr-body">{t('users.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <div className="mr-table-wrap">
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.organisation')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.mfa')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.username}</th>
                  <td>{u.displayName}</td>
                  <td>{pickText(u.organisation.name, lang)}</td>
                  <td>
                    {u.memberships
                      .map(
                        (m) => `${t(`role.${m.role}` as StaffKey)}${m.structure ? ` — ${pickText(m.structure.name, lang)}` : ''}`,
                      )
                      .join('; ')}
                  </td>
                  <td>{u.mfaEnabled ? t('users.yes') : t('users.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canManage ? <NewUserForm onCreated={() => setVersion((v) => v + 1)} /> : null}
    </>
  );
}
