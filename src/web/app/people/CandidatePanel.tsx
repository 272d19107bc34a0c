import type { TCandidate } from '../../../shared/people/registry.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Status } from '../components.js';
import { CandidateCard } from './CandidateCard.js';

/** Where the live search for candidates stands. */
export type MatchState =
  { status: 'idle' } | { status: 'done'; candidates: TCandidate[] } | { status: 'failed'; message: string };

/**
 * The live panel beside the intake form: persons already registered who may be the one being
 * typed, refreshed as the worker types, so a duplicate is caught before it is created.
 */
export function CandidatePanel({ state, onSame, busy }: { state: MatchState; onSame: (id: string) => void; busy: boolean }) {
  const { t, tp } = useStaffI18n();
  // The line changes only when an answer arrives, so a screen reader is not interrupted at every keystroke.
  const shown = state.status === 'done' ? state.candidates : [];
  let line: string;
  if (state.status === 'idle') line = t('intake.match.idle');
  else if (state.status === 'failed') line = state.message;
  else line = state.candidates.length ? tp('intake.match.count', state.candidates.length) : t('intake.match.none');
  return (
    <aside className="mr-candidates" aria-labelledby="candidates-heading">
      <h2 className="govgr-heading-m" id="candidates-heading">
        {t('intake.match.heading')}
      </h2>
      <Status>{line}</Status>
      {shown.length > 0 ? (
        <ul className="mr-plain-list">
          {shown.map((c) => (
            <CandidateCard key={c.id} candidate={c} onSame={onSame} busy={busy} />
          ))}
        </ul>
      ) : null}
    </aside>
  );
}
