import type { TService } from '../../../shared/directory.js';
import { usePortalI18n } from '../../i18n/portal/index.js';
import { formatList, languageName } from '../format.js';
import { Localized } from './Localized.js';
import { SummaryRow } from './SummaryRow.js';

/** A service of a structure: what it is, who may use it, what to bring, what it costs. */
export function ServiceItem({ service }: { service: TService }) {
  const { t, lang } = usePortalI18n();
  return (
    <li className="mr-service">
      <h3 className="govgr-heading-s mr-service__name">
        <Localized text={service.name} />
      </h3>
      <p className="govgr-body mr-text">
        <Localized text={service.description} />
      </p>
      <dl className="govgr-summary-list mr-summary">
        {service.eligibility && (
          <SummaryRow label={t('service.eligibility')}>
            <Localized text={service.eligibility} />
          </SummaryRow>
        )}
        {service.documents.length > 0 && (
          <SummaryRow label={t('service.documents')}>
            <ul className="govgr-list govgr-list--bullet mr-list">
              {service.documents.map((document, index) => (
                <li key={index} className="govgr-list__item">
                  <Localized text={document} />
                </li>
              ))}
            </ul>
          </SummaryRow>
        )}
        <SummaryRow label={t('service.cost')}>{service.cost ? <Localized text={service.cost} /> : t('service.free')}</SummaryRow>
        {service.languages.length > 0 && (
          <SummaryRow label={t('service.languages')}>
            {formatList(
              service.languages.map((code) => languageName(code, lang)),
              lang,
            )}
          </SummaryRow>
        )}
      </dl>
    </li>
  );
}
