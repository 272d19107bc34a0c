import { useCallback, useEffect, useState } from 'react';
import type { TBreakGlass } from '../../../shared/auth.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { Status } from '../components.js';

/** The supervisors' queue of break-glass openings. */
export function BreakGlassPage() {
  const { t, lang } = useStaffI18n();
  const [items, setItems] = useState<TBreakGlass[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' });

  const load = useCallback(async () => {
    const r = await api<{ items: TBreakGlass[] }>('GET', '/break-glass?pending=true');
    if (r.ok) setItems(r.data.items);
    else setMessage(r.problem?.status === 403 ? t('common.forbidden') : (r.problem?.detail ?? t('common.network')));
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function review(id: string, outcome: 'justified' | 'not_justified') {
    const r = await api('POST', `/break-glass/${id}/review`, { outcome });
    setMessage(r.ok ? t('bg.done') : (r.problem?.detail ?? t('common.network')));
    await load();
  }

  return (
    <>
      <h1 className="govgr-heading-xl">{t('bg.heading')}</h1>
      <p className="govgr-body">{t('bg.intro')}</p>
      {message ? <Status>{message}</Status> : null}
      {items && items.length === 0 ? <p className="govgr-body">{t('bg.empty')}</p> : null}
      {items && items.length > 0 ? (
        <div className="mr-table-wrap">
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t('bg.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bg.user')}</th>
                <th scope="col">{t('bg.record')}</th>
                <th scope="col">{t('bg.reason')}</th>
                <th scope="col">{t('bg.opened')}</th>
                <th scope="col">{t('bg.review')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.user.displayName}</th>
                  <td>{`${b.entityType} ${b.entityId}`}</td>
                  <td>{b.reason}</td>
                  <td>{time.format(new Date(b.openedAt))}</td>
                  <td>
                    <button
                      type="button"
                      className="govgr-btn govgr-btn-secondary"
                      onClick={() => void review(b.id, 'justified')}
                    >
                      {t('bg.justified')}
                    </button>{' '}
                    <button
                      type="button"
                      className="govgr-btn govgr-btn-warning"
                      onClick={() => void review(b.id, 'not_justified')}
                    >
                      {t('bg.notJustified')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
