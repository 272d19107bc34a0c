import type { TStructureSummary } from '../../../shared/directory.js';
import { usePortalI18n } from '../../i18n/portal/index.js';
import { formatAddress } from '../format.js';
import { Link } from '../router.js';
import { isCommunity } from '../search.js';
import { Localized } from './Localized.js';
import { NeedTags } from './NeedTags.js';

/** One structure in the result list: its name links to its page. */
export function StructureCard({ structure }: { structure: TStructureSummary }) {
  const { t } = usePortalI18n();
  const { address, community } = structure;
  return (
    <li className="govgr-card govgr-card--border-top govgr-card--border-dark mr-card">
      <div className="govgr-card__body">
        <h3 className="govgr-card__heading mr-card__heading">
          <Link to={`/structures/${encodeURIComponent(structure.slug)}`} className="govgr-link">
            <Localized text={structure.name} />
          </Link>
        </h3>
        <p className="govgr-caption-m mr-card__meta">
          {t(`type.${structure.type}`)} · <Localized text={structure.organisation.name} />
        </p>
        <p className="govgr-card__text">
          <Localized text={structure.summary} />
        </p>
        <p className="govgr-card__text mr-card__place">
          {community !== null && isCommunity(community) && (
            <span className="mr-card__community">{t(`community.${community}`)}</span>
          )}
          {address ? (
            <span lang="el">{formatAddress(address)}</span>
          ) : (
            structure.confidential && <span>{t('structure.addressConfidential')}</span>
          )}
        </p>
        <NeedTags needs={structure.needs} label={t('results.needs')} />
      </div>
    </li>
  );
}
