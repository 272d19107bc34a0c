import { useEffect, useState } from 'react';
import { pickText } from '../../../shared/localized.js';
import { TERMINAL_STATUSES } from '../../../shared/referrals/machine.js';
import type { TReferral } from '../../../shared/referrals/referral.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { referralStatusLabel } from '../plans/labels.js';
import { referredName } from './ReferralsPage.js';

type Box = 'inbox' | 'outbox';

/** The open referrals of one box (not finished), the newest few. */
function useOpenReferrals(box: Box): TReferral[] | null {
  const [items, setItems] = useState<TReferral[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void api<{ items: TReferral[] }>('GET', `/referrals?box=${box}&limit=50`, undefined, { signal: controller.signal }).then(
      (r) => {
        if (controller.signal.aborted) return;
        setItems(r.ok ? r.data.items.filter((x) => !TERMINAL_STATUSES.includes(x.status)).slice(0, 5) : []);
      },
    );
    return () => controller.abort();
  }, [box]);
  return items;
}

/** Referrals in and out on the worker's home page: the open ones of each box, linked to their pages. */
export function ReferralsSummary() {
  const { t, lang } = useStaffI18n();
  const inbox = useOpenReferrals('inbox');
  const outbox = useOpenReferrals('outbox');
  const list = (id: string, title: string, items: TReferral[] | null, box: Box) => (
    <div>
      <h3 className="govgr-heading-s" id={id}>
        {title}
      </h3>
      {items === null ? <p className="govgr-body">{t('common.loading')}</p> : null}
      {items?.length === 0 ? <p className="govgr-body">{t('home.referralsNone')}</p> : null}
      {items?.length ? (
        <ul className="govgr-list" aria-labelledby={id}>
          {items.map((r) => (
            <li key={r.id}>
              <Link to={`/app/referrals/${r.id}`} className="govgr-link">
                {referredName(r)}
              </Link>{' '}
              — {pickText(box === 'inbox' ? r.sender.name : r.target.name, lang)} ({referralStatusLabel(t, r.status)})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
  return (
    <section className="mr-section" aria-labelledby="home-referrals-heading">
      <h2 className="govgr-heading-m" id="home-referrals-heading">
        {t('home.referrals')}
      </h2>
      {list('home-referrals-in', t('home.referralsIn'), inbox, 'inbox')}
      {list('home-referrals-out', t('home.referralsOut'), outbox, 'outbox')}
      <p className="govgr-body">
        <Link to="/app/referrals" className="govgr-link">
          {t('home.referralsAll')}
        </Link>
      </p>
    </section>
  );
}
