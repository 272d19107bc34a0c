import type { Comparison, TCandidate } from '../../../shared/people/registry.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { formatBirthDate, formatPercent, fullName, latinName, reasonsText } from './format.js';
import { Warning } from './Warning.js';

/** One person the matcher thinks the registration may be of: who, where, how sure and why. */
export function CandidateCard({
  candidate: c,
  onSame,
  busy,
}: {
  candidate: TCandidate;
  /** Registers the person being typed as this one; absent where no such choice is offered. */
  onSame?: (id: string) => void;
  busy?: boolean;
}) {
  const { t, lang } = useStaffI18n();
  const headingId = `candidate-${c.id}`;
  const latin = latinName(c);
  const reasons = reasonsText(c, {
    agreed: t('intake.match.agreed'),
    partial: t('intake.match.partial'),
    disagreed: t('intake.match.disagreed'),
    comparison: (k: Comparison) => t(`intake.comparison.${k}` as StaffKey),
  });
  return (
    <li className="mr-candidate">
      <h3 className="govgr-heading-s mr-candidate__name" id={headingId}>
        {fullName(c)}
      </h3>
      {latin ? (
        <p className="govgr-body mr-candidate__latin" lang="en">
          {latin}
        </p>
      ) : null}
      <dl className="mr-facts">
        <dt>{t('person.field.birthDate')}</dt>
        <dd>{formatBirthDate(c.birthDate, c.birthDateApproximate, t('person.approximate')) || t('common.none')}</dd>
        <dt>{t('person.structures')}</dt>
        <dd>{c.structures.map((s) => pickText(s.name, lang)).join(', ') || t('common.none')}</dd>
        <dt>{t('intake.match.score')}</dt>
        <dd>
          <strong>{formatPercent(c.score, lang)}</strong> — {t(`intake.match.decision.${c.decision}` as StaffKey)}
        </dd>
      </dl>
      {reasons ? <p className="govgr-body mr-candidate__reasons">{reasons}</p> : null}
      {c.twinGuard ? <Warning label={t('person.warning')}>{t('intake.match.twinGuard')}</Warning> : null}
      {c.hardConflict ? <Warning label={t('person.warning')}>{t('intake.match.hardConflict')}</Warning> : null}
      {c.inScope ? null : <p className="govgr-body mr-hint">{t('intake.match.outOfScope')}</p>}
      {onSame ? (
        <button
          type="button"
          className="govgr-btn govgr-btn-secondary mr-candidate__same"
          aria-describedby={headingId}
          disabled={busy}
          onClick={() => onSame(c.id)}
        >
          {t('intake.match.same')}
        </button>
      ) : null}
    </li>
  );
}
