import { useState } from 'react';
import { pickText } from '../../../shared/localized.js';
import type { TStructure } from '../../../shared/directory.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { usePortalI18n } from '../../i18n/portal/index.js';
import { BackLink } from '../components/BackLink.js';
import { Localized } from '../components/Localized.js';
import { NeedTags } from '../components/NeedTags.js';
import { ServiceItem } from '../components/ServiceItem.js';
import { SummaryRow } from '../components/SummaryRow.js';
import {
  formatAddress,
  formatEuros,
  formatList,
  formatNumber,
  formatOpeningHours,
  formatPeriod,
  languageName,
  mapHref,
  telHref,
} from '../format.js';
import { Link } from '../router.js';
import { homeHref, isCommunity, structureApiUrl } from '../search.js';
import { useApi } from '../useApi.js';

/** The page of one structure, by slug. */
export function StructurePage({ slug }: { slug: string }) {
  const { t, lang } = usePortalI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useApi<TStructure>(structureApiUrl(slug), attempt);

  let title: string | null = null;
  if (state.status === 'ok') title = pickText(state.data.name, lang);
  else if (state.status === 'not-found') title = t('structure.notFoundTitle');
  else if (state.status === 'error') title = t('structure.error');
  useDocumentTitle(title === null ? null : t('meta.titlePattern', { page: title }));

  return (
    <>
      <BackLink to={homeHref()} text={t('structure.back')} />
      {state.status === 'loading' && (
        <p className="govgr-body" role="status" aria-live="polite">
          {t('structure.loading')}
        </p>
      )}
      {state.status === 'not-found' && (
        <>
          <h1 className="govgr-heading-xl">{t('structure.notFoundTitle')}</h1>
          <p className="govgr-body">{t('structure.notFoundBody')}</p>
          <p className="govgr-body">
            <Link to="/" className="govgr-link">
              {t('structure.notFoundLink')}
            </Link>
          </p>
        </>
      )}
      {state.status === 'error' && (
        <>
          <h1 className="govgr-heading-xl">{t('structure.error')}</h1>
          <p className="govgr-body">{t('results.errorHint')}</p>
          <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('results.retry')}
          </button>
        </>
      )}
      {state.status === 'ok' && <StructureDetails structure={state.data} />}
    </>
  );
}

function StructureDetails({ structure }: { structure: TStructure }) {
  const { t, lang } = usePortalI18n();
  const { address, community, fundingProgramme: funding } = structure;
  const hours = formatOpeningHours(structure.openingHours, t, lang);
  const period = funding ? formatPeriod(funding.periodStart, funding.periodEnd, lang) : null;

  return (
    <article className="mr-structure">
      <p className="govgr-caption-l mr-structure__organisation">
        <Localized text={structure.organisation.name} />
      </p>
      <h1 className="govgr-heading-xl mr-structure__name">
        <Localized text={structure.name} />
      </h1>
      <p className="govgr-body govgr-body-l">
        <Localized text={structure.summary} />
      </p>
      <NeedTags needs={structure.needs} label={t('structure.needs')} />

      <h2 className="govgr-heading-m mr-section">{t('structure.contact')}</h2>
      <dl className="govgr-summary-list mr-summary">
        <SummaryRow label={t('structure.type')}>{t(`type.${structure.type}`)}</SummaryRow>
        {community !== null && isCommunity(community) && (
          <SummaryRow label={t('structure.community')}>{t(`community.${community}`)}</SummaryRow>
        )}
        {/* Addresses are written in Greek whatever the page language; lang="el" lets screen readers say them right. */}
        <SummaryRow label={t('structure.address')}>
          {address ? (
            <>
              <span lang="el">{formatAddress(address)}</span>
              {structure.location && (
                <>
                  <br />
                  <a className="govgr-link" href={mapHref(structure.location)}>
                    {t('structure.map')}
                  </a>
                </>
              )}
            </>
          ) : (
            <strong>{t('structure.addressConfidential')}</strong>
          )}
        </SummaryRow>
        {structure.phones.length > 0 && (
          <SummaryRow label={t('structure.phones')}>
            <ul className="mr-plain-list">
              {structure.phones.map((phone) => (
                <li key={phone}>
                  <a className="govgr-link" href={telHref(phone)}>
                    {phone}
                  </a>
                </li>
              ))}
            </ul>
          </SummaryRow>
        )}
        {structure.email && (
          <SummaryRow label={t('structure.email')}>
            <a className="govgr-link mr-break" href={`mailto:${structure.email}`}>
              {structure.email}
            </a>
          </SummaryRow>
        )}
        <SummaryRow label={t('structure.hours')}>
          {hours.length > 0 ? (
            <ul className="mr-plain-list">
              {hours.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            !structure.hoursNote && t('structure.hoursUnknown')
          )}
          {structure.hoursNote && (
            <p className="mr-note">
              <Localized text={structure.hoursNote} />
            </p>
          )}
        </SummaryRow>
        {structure.languages.length > 0 && (
          <SummaryRow label={t('structure.languages')}>
            {formatList(
              structure.languages.map((code) => languageName(code, lang)),
              lang,
            )}
          </SummaryRow>
        )}
      </dl>

      <h2 className="govgr-heading-m mr-section">{t('structure.about')}</h2>
      <p className="govgr-body mr-text">
        <Localized text={structure.description} />
      </p>
      <h3 className="govgr-heading-s">{t('structure.audience')}</h3>
      <p className="govgr-body mr-text">
        <Localized text={structure.audience} />
      </p>

      <h2 className="govgr-heading-m mr-section">{t('structure.services')}</h2>
      {structure.services.length > 0 ? (
        <ul className="mr-services">
          {structure.services.map((service) => (
            <ServiceItem key={service.id} service={service} />
          ))}
        </ul>
      ) : (
        <p className="govgr-body">{t('structure.noServices')}</p>
      )}

      {structure.capacity.length > 0 && (
        <>
          <h2 className="govgr-heading-m mr-section">{t('structure.capacity')}</h2>
          <dl className="govgr-summary-list mr-summary">
            {structure.capacity.map((figure) => (
              <SummaryRow key={figure.key} label={pickText(figure.label, lang)}>
                {formatNumber(figure.value, lang)}
              </SummaryRow>
            ))}
          </dl>
        </>
      )}

      {funding && (
        <>
          <h2 className="govgr-heading-m mr-section">{t('structure.funding')}</h2>
          <dl className="govgr-summary-list mr-summary">
            <SummaryRow label={t('structure.fundingName')}>
              <Localized text={funding.name} />
            </SummaryRow>
            <SummaryRow label={t('structure.fundingCode')}>{funding.code}</SummaryRow>
            <SummaryRow label={t('structure.fundingFunder')}>{funding.funder}</SummaryRow>
            {funding.budgetEur !== null && (
              <SummaryRow label={t('structure.fundingBudget')}>{formatEuros(funding.budgetEur, lang)}</SummaryRow>
            )}
            {period && <SummaryRow label={t('structure.fundingPeriod')}>{period}</SummaryRow>}
          </dl>
        </>
      )}
    </article>
  );
}
