import { useCallback, useEffect, useRef, useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { pickText } from '../../../shared/localized.js';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/referrals/machine.js';
import type { TReferral } from '../../../shared/referrals/referral.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { Status } from '../components.js';
import { formatDateTime } from '../cases/format.js';
import { clearFlash, readFlash } from '../people/flash.js';
import { formatDate } from '../people/format.js';
import { SummaryList } from '../people/SummaryList.js';
import {
  declineReasonLabel,
  declinedByLabel,
  referralOutcomeLabel,
  referralStatusLabel,
  sharedFieldLabel,
} from '../plans/labels.js';
import { MoveForm, movesFor } from './MoveForm.js';
import { referredName } from './ReferralsPage.js';

interface TEvent {
  id: string;
  from: ReferralStatus | null;
  to: ReferralStatus;
  by: string;
  reason: string | null;
  note: string | null;
  at: string;
}

type State =
  | { status: 'loading' }
  | { status: 'ok'; item: TReferral; etag: string | null }
  | { status: 'not-found' }
  | { status: 'failed'; message: string };

/** A shared field's value as text; a field the reader may not see is a dash. */
function sharedValue(v: string | number | readonly string[] | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

const asStatus = (s: string | null) => REFERRAL_STATUSES.find((x) => x === s);

/** One referral: what was shared, its status and history, and the moves the reader's side may make. */
export function ReferralPage({ id, me }: { id: string; me: TMe }) {
  const { t, lang } = useStaffI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [events, setEvents] = useState<TEvent[]>([]);
  const [flash, setFlashShown] = useState<string | null>(readFlash);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => clearFlash(), []);

  const load = useCallback(async () => {
    const [r, e] = await Promise.all([
      api<TReferral>('GET', `/referrals/${id}`),
      api<{ items: TEvent[] }>('GET', `/referrals/${id}/events`),
    ]);
    if (r.ok) setState({ status: 'ok', item: r.data, etag: r.etag });
    else if (r.problem?.status === 404) setState({ status: 'not-found' });
    else setState({ status: 'failed', message: r.problem?.detail || t('common.network') });
    setEvents(e.ok ? e.data.items : []);
  }, [id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Status>{t('common.loading')}</Status>;
  if (state.status === 'failed') return <p className="govgr-body mr-notice mr-notice--error">{state.message}</p>;
  const back = (
    <p className="govgr-body">
      <Link to="/app/referrals" className="govgr-link">
        {t('referral.back')}
      </Link>
    </p>
  );
  if (state.status === 'not-found') {
    return (
      <>
        <h1 className="govgr-heading-xl">{t('referral.notFound')}</h1>
        {back}
      </>
    );
  }
  const { item, etag } = state;
  const moves = movesFor(item, me.permissions);
  const statusText = (s: ReferralStatus | undefined) => (s ? referralStatusLabel(t, s) : '—');
  return (
    <>
      {back}
      <h1 className="govgr-heading-xl" tabIndex={-1} ref={headingRef}>
        {t('referral.heading', { who: referredName(item) })}
      </h1>
      {flash ? <Status>{flash}</Status> : null}
      <SummaryList
        rows={[
          {
            key: 'status',
            label: t('referrals.status'),
            value: <span className="mr-tag mr-status">{referralStatusLabel(t, item.status)}</span>,
          },
          { key: 'from', label: t('referrals.from'), value: pickText(item.sender.name, lang) },
          { key: 'to', label: t('referrals.to'), value: pickText(item.target.name, lang) },
          { key: 'purpose', label: t('referral.purpose'), value: item.purpose ?? undefined },
          { key: 'sent', label: t('referrals.sentAt'), value: item.sentAt ? formatDate(item.sentAt) : undefined },
          { key: 'expires', label: t('referral.expiresAt'), value: item.expiresAt ? formatDate(item.expiresAt) : undefined },
          {
            key: 'shared',
            label: t('referral.shared'),
            value: (
              <ul className="mr-plain-list">
                {item.sharedFields.map((f) => (
                  <li key={f}>
                    {sharedFieldLabel(t, f)}: {sharedValue(item.person[f])}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'declined',
            label: t('referral.declined'),
            value:
              item.declineReason && item.declinedBy
                ? `${declineReasonLabel(t, item.declineReason)} (${declinedByLabel(t, item.declinedBy)})`
                : undefined,
          },
          {
            key: 'outcome',
            label: t('referral.outcome'),
            value: item.outcome ? referralOutcomeLabel(t, item.outcome) : undefined,
          },
          {
            key: 'case',
            label: t('referral.case'),
            value: item.senderCase ? (
              <Link to={`/app/cases/${item.senderCase}`} className="govgr-link">
                {t('referral.openCase')}
              </Link>
            ) : undefined,
          },
        ]}
      />
      {moves.length ? (
        <MoveForm
          key={`${item.status}-${item.version}`}
          item={item}
          etag={etag}
          moves={moves}
          onMoved={(next, nextEtag) => {
            setState({ status: 'ok', item: next, etag: nextEtag });
            setFlashShown(t('referral.moved', { status: referralStatusLabel(t, next.status) }));
            void load();
            headingRef.current?.focus();
          }}
          onStale={() => void load()}
        />
      ) : (
        <p className="govgr-body">{t('referral.noMoves')}</p>
      )}
      <section className="mr-section" aria-labelledby="referral-events-heading">
        <h2 className="govgr-heading-m" id="referral-events-heading">
          {t('referral.events')}
        </h2>
        {/* Focusable, so that a keyboard can scroll the table on a narrow screen. */}
        <div className="mr-table-wrap" tabIndex={0} role="region" aria-label={t('referral.eventsCaption')}>
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t('referral.eventsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referral.event.when')}</th>
                <th scope="col">{t('referral.event.change')}</th>
                <th scope="col">{t('referral.event.by')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{formatDateTime(e.at)}</th>
                  <td>
                    {e.from
                      ? t('referral.event.from', { from: statusText(e.from), to: statusText(e.to) })
                      : t('referral.event.created', { to: statusText(asStatus(e.to)) })}
                    {e.note ? ` — ${e.note}` : ''}
                  </td>
                  <td>{e.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
