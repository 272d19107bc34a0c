import { Layout, layoutLabels } from '../components/Layout.js';
import { LanguageSwitcher } from '../components/LanguageSwitcher.js';
import { useDocumentTitle } from '../components/useDocumentTitle.js';
import { useStaffI18n } from '../i18n/staff/index.js';

/** The staff area: for now a notice that sign-in comes with the next release. */
export function App() {
  const { t, lang, languages, setLang } = useStaffI18n();
  useDocumentTitle(t('meta.title'));

  return (
    <Layout
      labels={layoutLabels(t)}
      homeHref="/app"
      switcher={
        <LanguageSwitcher
          current={lang}
          languages={languages}
          label={t('layout.languageNav')}
          onChange={(code) => {
            const next = languages.find((language) => language.code === code);
            if (next) setLang(next.code);
          }}
        />
      }
      footerLinks={[{ href: '/', text: t('layout.footerPortal') }]}
    >
      <h1 className="govgr-heading-xl">{t('staff.heading')}</h1>
      <p className="govgr-body govgr-body-l">{t('staff.signIn')}</p>
      <p className="govgr-body">{t('staff.nextRelease')}</p>
      <p className="govgr-body">
        <a className="govgr-link" href="/">
          {t('staff.portalLink')}
        </a>
      </p>
    </Layout>
  );
}
