import { useEffect, useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TServiceDelivery } from '../../../shared/cases/timeline.js';
import type { TStructure } from '../../../shared/directory.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { Status } from '../components.js';
import { Input, Select } from '../people/fields.js';
import { formatDate, fullName } from '../people/format.js';
import { useRegistrationStructures } from '../people/useDirectory.js';
import { BulkRecord } from './BulkRecord.js';
import { CursorPager } from './CursorPager.js';
import { formatDateTime, thessalonikiToday } from './format.js';
import { useCursorPage } from './useCursorPage.js';

/**
 * A structure's daily screen for the service log: pick the structure, the service and the day; the
 * deliveries of that day; and the list a worker ticks to record one service for many at once.
 */
export function DailyPage({ me }: { me: TMe }) {
  const { t, tp, lang } = useStaffI18n();
  const { structures, defaultSlug } = useRegistrationStructures(me, 'service.record');
  const [picked, setPicked] = useState('');
  const structure = picked || defaultSlug;
  const [services, setServices] = useState<{ slug: string; name: string }[] | null>(null);
  const [service, setService] = useState('');
  const todayIs = thessalonikiToday();
  const [day, setDay] = useState(todayIs);

  useEffect(() => {
    if (!structure) return;
    const controller = new AbortController();
    void api<TStructure>('GET', `/structures/${encodeURIComponent(structure)}`, undefined, { signal: controller.signal }).then(
      (r) => {
        if (controller.signal.aborted) return;
        const list = r.ok ? r.data.services.map((s) => ({ slug: s.slug, name: pickText(s.name, lang) })) : [];
        setServices(list);
        setService((current) => (list.some((s) => s.slug === current) ? current : (list[0]?.slug ?? '')));
      },
    );
    return () => controller.abort();
  }, [structure, lang]);

  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : todayIs;
  const path = structure
    ? `/service-deliveries?${new URLSearchParams({ structure, day: validDay, limit: '100' }).toString()}`
    : null;
  const list = useCursorPage<{ items: TServiceDelivery[]; nextCursor: string | null }>(path);
  const nameOf = (slug: string) => services?.find((s) => s.slug === slug)?.name ?? slug;
  const items = list.data?.items ?? null;

  return (
    <>
      <h1 className="govgr-heading-xl">{t('daily.heading')}</h1>
      <p className="govgr-body mr-intro">{t('daily.intro')}</p>
      {structures.length === 0 ? <p className="govgr-body mr-notice">{t('daily.noStructure')}</p> : null}
      <div className="mr-filters" role="group" aria-label={t('daily.choose')}>
        <Select
          id="daily-structure"
          label={t('case.structure')}
          value={structure}
          onChange={(v) => {
            setPicked(v);
            setServices(null);
          }}
          options={structures.map((s) => ({ value: s.slug, label: pickText(s.name, lang) }))}
        />
        <Select
          id="daily-service"
          label={t('daily.service')}
          value={service}
          onChange={setService}
          options={(services ?? []).map((s) => ({ value: s.slug, label: s.name }))}
        />
        <Input id="daily-day" label={t('daily.day')} type="date" className="mr-input-date" value={day} onChange={setDay} />
      </div>
      {structure ? (
        <BulkRecord
          structure={structure}
          service={service}
          serviceName={nameOf(service)}
          day={validDay}
          today={todayIs}
          onRecorded={list.restart}
        />
      ) : null}
      <section className="mr-section" aria-labelledby="daily-list-heading">
        <h2 className="govgr-heading-m" id="daily-list-heading">
          {t('daily.listHeading', { day: formatDate(validDay) })}
        </h2>
        {list.failed ? <p className="govgr-body mr-notice mr-notice--error">{list.failed}</p> : null}
        <Status>{items ? tp('daily.count', items.length) : t('common.loading')}</Status>
        {items && items.length === 0 ? <p className="govgr-body">{t('daily.empty')}</p> : null}
        {items && items.length > 0 ? (
          <div className="mr-table-wrap">
            <table className="govgr-table">
              <caption className="govgr-table__caption">{t('daily.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('daily.person')}</th>
                  <th scope="col">{t('daily.service')}</th>
                  <th scope="col">{t('bulk.quantity')}</th>
                  <th scope="col">{t('daily.at')}</th>
                  <th scope="col">{t('daily.worker')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link to={`/app/persons/${d.person.id}`} className="govgr-link">
                        {fullName(d.person)}
                      </Link>
                    </th>
                    <td>{nameOf(d.service)}</td>
                    <td>{d.quantity}</td>
                    <td>{formatDateTime(d.deliveredAt)}</td>
                    <td>{d.worker?.username ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <CursorPager label={t('daily.paging')} list={list} />
      </section>
    </>
  );
}
