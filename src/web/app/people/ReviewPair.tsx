import { useState } from 'react';
import { pickText } from '../../../shared/localized.js';
import type { Comparison, TCandidate, TMatchReview } from '../../../shared/people/registry.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { Input } from './fields.js';
import { formatBirthDate, formatPercent, fullName, latinName, reasonsText } from './format.js';
import { Warning } from './Warning.js';

/** A decision on a pair. */
export type Decision = 'link' | 'reject' | 'cannot_link';

function Side({ c, title }: { c: TCandidate; title: string }) {
  const { t, lang } = useStaffI18n();
  const latin = latinName(c);
  return (
    <div className="mr-review__side">
      <h3 className="govgr-heading-s">{title}</h3>
      <p className="govgr-body mr-review__name">
        {c.inScope ? (
          <Link to={`/app/persons/${c.id}`} className="govgr-link">
            {fullName(c)}
          </Link>
        ) : (
          fullName(c)
        )}
        {latin ? (
          <span className="mr-latin" lang="en">
            {latin}
          </span>
        ) : null}
      </p>
      <dl className="mr-facts">
        <dt>{t('person.field.birthDate')}</dt>
        <dd>{formatBirthDate(c.birthDate, c.birthDateApproximate, t('person.approximate')) || t('common.none')}</dd>
        <dt>{t('person.field.sex')}</dt>
        <dd>{c.sex ? t(`person.sex.${c.sex}`) : t('common.none')}</dd>
        <dt>{t('person.structures')}</dt>
        <dd>{c.structures.map((s) => pickText(s.name, lang)).join(', ') || t('common.none')}</dd>
      </dl>
    </div>
  );
}

/** One pair of the review queue side by side, with the match's score and reasons and the three decisions. */
export function ReviewPair({
  review,
  n,
  busy,
  onDecide,
}: {
  review: TMatchReview;
  n: number;
  busy: boolean;
  onDecide: (d: Decision, reason: string) => void;
}) {
  const { t, lang } = useStaffI18n();
  const [reason, setReason] = useState('');
  // The pair's score and reasons travel on the second candidate (as compared with the first).
  const m = review.b;
  const reasons = reasonsText(m, {
    agreed: t('intake.match.agreed'),
    partial: t('intake.match.partial'),
    disagreed: t('intake.match.disagreed'),
    comparison: (k: Comparison) => t(`intake.comparison.${k}` as StaffKey),
  });
  const headingId = `review-${review.id}`;
  return (
    <li className="mr-review">
      <article aria-labelledby={headingId}>
        <h2 className="govgr-heading-m" id={headingId}>
          {t('duplicates.pair', {
            n,
            score: formatPercent(m.score, lang),
            decision: t(`intake.match.decision.${m.decision}` as StaffKey),
          })}
        </h2>
        <div className="mr-review__pair">
          <Side c={review.a} title={t('duplicates.first')} />
          <Side c={review.b} title={t('duplicates.second')} />
        </div>
        {reasons ? <p className="govgr-body">{reasons}</p> : null}
        {m.twinGuard ? <Warning label={t('person.warning')}>{t('intake.match.twinGuard')}</Warning> : null}
        {m.hardConflict ? <Warning label={t('person.warning')}>{t('intake.match.hardConflict')}</Warning> : null}
        <Input id={`${headingId}-reason`} label={t('duplicates.reason')} value={reason} onChange={setReason} />
        <div className="govgr-button-group mr-actions">
          <button
            type="button"
            className="govgr-btn govgr-btn-primary"
            disabled={busy}
            aria-describedby={headingId}
            onClick={() => onDecide('link', reason)}
          >
            {t('duplicates.link')}
          </button>
          <button
            type="button"
            className="govgr-btn govgr-btn-secondary"
            disabled={busy}
            aria-describedby={headingId}
            onClick={() => onDecide('reject', reason)}
          >
            {t('duplicates.reject')}
          </button>
          <button
            type="button"
            className="govgr-btn govgr-btn-warning"
            disabled={busy}
            aria-describedby={headingId}
            onClick={() => onDecide('cannot_link', reason)}
          >
            {t('duplicates.cannotLink')}
          </button>
        </div>
      </article>
    </li>
  );
}
