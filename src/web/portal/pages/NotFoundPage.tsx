import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { usePortalI18n } from '../../i18n/portal/index.js';
import { Link } from '../router.js';

/** Any address of the portal that is not a page. */
export function NotFoundPage() {
  const { t } = usePortalI18n();
  useDocumentTitle(t('meta.titlePattern', { page: t('notFound.title') }));
  return (
    <>
      <h1 className="govgr-heading-xl">{t('notFound.title')}</h1>
      <p className="govgr-body">{t('notFound.body')}</p>
      <p className="govgr-body">
        <Link to="/" className="govgr-link">
          {t('notFound.link')}
        </Link>
      </p>
    </>
  );
}
