import { useState } from 'react';
import { pickText } from '../../../shared/localized.js';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/referrals/machine.js';
import type { TReferral } from '../../../shared/referrals/referral.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { Status } from '../components.js';
import { CursorPager } from '../cases/CursorPager.js';
import { useCursorPage } from '../cases/useCursorPage.js';
import { Select } from '../people/fields.js';
import { formatDate, fullName } from '../people/format.js';
import { referralStatusLabel } from '../plans/labels.js';

type Box = 'inbox' | 'outbox';

/** Who a referral is about, from the fields shared with the reader. */
export const referredName = (r: TReferral) =>
  fullName({ givenName: r.person.givenName ?? '', familyName: r.person.familyName ?? '' }).trim() || '—';

/** The referrals to the user's structures (inbox) and from them (outbox), by status; the filters stay in the page. */
export function ReferralsPage() {
  const { t, tp, lang } = useStaffI18n();
  const [box, setBox] = useState<Box>('inbox');
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const list = useCursorPage<{ items: TReferral[]; nextCursor: string | null }>(
    `/referrals?box=${box}${status ? `&status=${status}` : ''}&limit=25`,
  );
  const items = list.data?.items ?? null;
  return (
    <>
      <h1 className="govgr-heading-xl">{t('referrals.heading')}</h1>
      <div className="govgr-button-group mr-tabs" role="group" aria-label={t('referrals.boxes')}>
        {(['inbox', 'outbox'] as const).map((b) => (
          <button
            key={b}
            type="button"
            className={`govgr-btn ${box === b ? 'govgr-btn-primary' : 'govgr-btn-secondary'}`}
            aria-pressed={box === b}
            onClick={() => setBox(b)}
          >
            {t(`referrals.${b}`)}
          </button>
        ))}
      </div>
      <Select
        id="referrals-status"
        label={t('referrals.status')}
        value={status}
        onChange={(v) => setStatus(REFERRAL_STATUSES.find((s) => s === v) ?? '')}
        options={[
          { value: '', label: t('referrals.anyStatus') },
          ...REFERRAL_STATUSES.map((s) => ({ value: s, label: referralStatusLabel(t, s) })),
        ]}
      />
      {list.failed ? <p className="govgr-body mr-notice mr-notice--error">{list.failed}</p> : null}
      <Status>{items ? tp('referrals.count', items.length) : t('common.loading')}</Status>
      {items && items.length === 0 ? <p className="govgr-body mr-notice">{t('referrals.empty')}</p> : null}
      {items && items.length > 0 ? (
        <div className="mr-table-wrap">
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t(`referrals.caption.${box}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.person')}</th>
                <th scope="col">{t('referrals.status')}</th>
                <th scope="col">{box === 'inbox' ? t('referrals.from') : t('referrals.to')}</th>
                <th scope="col">{t('referrals.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/app/referrals/${r.id}`} className="govgr-link">
                      {referredName(r)}
                    </Link>
                  </th>
                  <td>
                    <span className="mr-tag mr-status">{referralStatusLabel(t, r.status)}</span>
                  </td>
                  <td>{pickText(box === 'inbox' ? r.sender.name : r.target.name, lang)}</td>
                  <td>{r.sentAt ? formatDate(r.sentAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CursorPager label={t('referrals.paging')} list={list} />
    </>
  );
}
