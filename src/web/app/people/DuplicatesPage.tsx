import { useCallback, useEffect, useRef, useState } from 'react';
import type { TMatchReview } from '../../../shared/people/registry.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { Status } from '../components.js';
import { Pager } from './Pager.js';
import { ReviewPair, type Decision } from './ReviewPair.js';

const LIMIT = 10;

/** The queue of pairs the matcher could not decide on: a person says whether they are the same human. */
export function DuplicatesPage() {
  const { t, tp } = useStaffI18n();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: TMatchReview[]; total: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const r = await api<{ items: TMatchReview[]; total: number }>(
      'GET',
      `/match-reviews?status=open&limit=${LIMIT}&offset=${offset}`,
    );
    if (r.ok && r.data.items.length === 0 && offset > 0) {
      setOffset(Math.max(0, offset - LIMIT)); // the last pair of the last page was decided: show the page before
    } else if (r.ok) {
      setPage(r.data);
      setFailed(null);
    } else setFailed(r.problem?.status === 403 ? t('common.forbidden') : r.problem?.detail || t('common.network'));
  }, [offset, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function decide(review: TMatchReview, decision: Decision, reason: string) {
    setBusy(true);
    const r = await api<TMatchReview>('POST', `/match-reviews/${review.id}/decision`, {
      decision,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    setMessage(r.ok ? t(`duplicates.done.${decision}`) : r.problem?.detail || t('common.network'));
    await load();
    // The pair decided on is gone from the list; the keyboard goes back to the top of the queue.
    headingRef.current?.focus();
  }

  async function scan() {
    setBusy(true);
    const r = await api<{ compared: number; autoLinked: number; queued: number }>('POST', '/match-reviews/scan', {});
    setBusy(false);
    setMessage(r.ok ? t('duplicates.scanned', r.data) : r.problem?.detail || t('common.network'));
    await load();
  }

  return (
    <>
      <h1 className="govgr-heading-xl" tabIndex={-1} ref={headingRef}>
        {t('duplicates.heading')}
      </h1>
      <p className="govgr-body mr-intro">{t('duplicates.intro')}</p>
      <button type="button" className="govgr-btn govgr-btn-secondary" disabled={busy} onClick={() => void scan()}>
        {t('duplicates.scan')}
      </button>
      {failed ? <p className="govgr-body mr-notice mr-notice--error">{failed}</p> : null}
      {message ? <Status>{message}</Status> : null}
      {page ? <Status>{tp('duplicates.count', page.total)}</Status> : <Status>{t('common.loading')}</Status>}
      {page && page.items.length === 0 ? <p className="govgr-body mr-notice">{t('duplicates.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ol className="mr-plain-list">
          {page.items.map((review, index) => (
            <ReviewPair
              key={review.id}
              review={review}
              n={offset + index + 1}
              busy={busy}
              onDecide={(decision, reason) => void decide(review, decision, reason)}
            />
          ))}
        </ol>
      ) : null}
      {page ? (
        <Pager label={t('duplicates.paging')} offset={offset} limit={LIMIT} total={page.total} onOffset={setOffset} />
      ) : null}
    </>
  );
}
