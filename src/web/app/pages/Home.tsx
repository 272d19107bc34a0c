import { pickText } from '../../../shared/localized.js';
import type { TMe } from '../../../shared/auth.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { MyCases } from '../cases/MyCases.js';
import { DueTasks } from '../plans/DueTasks.js';
import { ReferralsSummary } from '../referrals/ReferralsSummary.js';

const AREAS = [
  'person',
  'case',
  'referral',
  'benefit',
  'place',
  'booking',
  'stock',
  'request',
  'report',
  'directory',
  'user',
  'audit',
  'breakglass',
] as const;

/** Who the user is, where they work and what they may do. */
export function HomePage({ me }: { me: TMe }) {
  const { t, lang } = useStaffI18n();
  const areas = AREAS.filter((a) => me.permissions.some((p) => p.startsWith(`${a}.`)));
  return (
    <>
      <h1 className="govgr-heading-xl">{t('home.heading', { name: me.user.displayName })}</h1>
      {me.permissions.includes('case.read') ? <MyCases key={me.currentStructureId ?? 'all'} /> : null}
      {me.permissions.includes('case.read') ? <DueTasks key={`tasks-${me.currentStructureId ?? 'all'}`} /> : null}
      {me.permissions.includes('referral.read') ? <ReferralsSummary key={`referrals-${me.currentStructureId ?? 'all'}`} /> : null}
      <h2 className="govgr-heading-m">{t('home.roles')}</h2>
      <ul className="mr-plain-list">
        {me.memberships.map((m) => (
          <li key={`${m.role}-${m.structure?.id ?? 'all'}`} className="govgr-body">
            {t(`role.${m.role}` as StaffKey)} — {m.structure ? pickText(m.structure.name, lang) : t('home.allStructures')}
          </li>
        ))}
      </ul>
      <h2 className="govgr-heading-m">{t('home.permissions')}</h2>
      <ul className="mr-tags">
        {areas.map((a) => (
          <li key={a} className="mr-tag">
            {t(`perm.${a}` as StaffKey)}
          </li>
        ))}
      </ul>
      <p className="govgr-body mr-notice">{t('home.empty')}</p>
    </>
  );
}
