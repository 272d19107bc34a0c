import type { ReactNode } from 'react';
import type { TEntry } from '../../../shared/cases/timeline.js';
import { CASE_STATUSES, CLOSURE_OUTCOMES, CLOSURE_REASONS } from '../../../shared/cases/lists.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { bodyText, formatDateTime } from './format.js';
import { kindLabel, outcomeLabel, reasonLabel, sensitivityLabel, statusLabel } from './labels.js';

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined => list.find((v) => v === value);

/** What a system entry says in words: a status change, an approval, a service delivered. */
function SystemBody({ entry }: { entry: TEntry }) {
  const { t } = useStaffI18n();
  const b = entry.body;
  if (entry.kind === 'status_change') {
    const from = oneOf(CASE_STATUSES, b.from);
    const to = oneOf(CASE_STATUSES, b.to);
    const reason = oneOf(CLOSURE_REASONS, b.reason);
    const outcome = oneOf(CLOSURE_OUTCOMES, b.outcome);
    return (
      <>
        {from && to ? (
          <p className="govgr-body">{t('timeline.moved', { from: statusLabel(t, from), to: statusLabel(t, to) })}</p>
        ) : null}
        {reason ? <p className="govgr-body">{t('timeline.reason', { reason: reasonLabel(t, reason) })}</p> : null}
        {outcome ? <p className="govgr-body">{t('timeline.outcome', { outcome: outcomeLabel(t, outcome) })}</p> : null}
      </>
    );
  }
  if (entry.kind === 'approval') return <p className="govgr-body">{t('timeline.closureApproved')}</p>;
  if (entry.kind === 'service_delivered') {
    const quantity = typeof b.quantity === 'number' ? b.quantity : 1;
    return <p className="govgr-body">{t('timeline.delivered', { service: bodyText(b, 'service') ?? '', quantity })}</p>;
  }
  return null;
}

/** One step of the timeline: its kind, when, who, its label, its text, and where it stands among a note's versions. */
export function EntryItem({ entry, correctsAt, action }: { entry: TEntry; correctsAt: string | null; action?: ReactNode }) {
  const { t } = useStaffI18n();
  const text = bodyText(entry.body, 'text');
  const tags = [
    entry.sensitivity ? t('timeline.labelled', { label: sensitivityLabel(t, entry.sensitivity) }) : null,
    entry.current ? null : t('timeline.superseded'),
    entry.corrects
      ? correctsAt
        ? t('timeline.correctionOf', { at: formatDateTime(correctsAt) })
        : t('timeline.correction')
      : null,
  ].filter((tag) => tag !== null);
  return (
    <li className={`mr-entry${entry.current ? '' : ' mr-entry--superseded'}`}>
      <p className="govgr-body mr-entry__meta">
        <strong>{kindLabel(t, entry.kind)}</strong> · <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
        {entry.author ? ` · ${entry.author.displayName}` : ''}
      </p>
      {tags.length > 0 ? (
        <ul className="mr-tags">
          {tags.map((tag) => (
            <li key={tag} className="mr-tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      <SystemBody entry={entry} />
      {text ? <p className="govgr-body mr-entry__text">{text}</p> : null}
      {action}
    </li>
  );
}
