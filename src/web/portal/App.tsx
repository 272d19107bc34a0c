import { useEffect, useRef } from 'react';
import { Layout, layoutLabels, MAIN_ID } from '../components/Layout.js';
import { LanguageSwitcher } from '../components/LanguageSwitcher.js';
import { usePortalI18n } from '../i18n/portal/index.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { StructurePage } from './pages/StructurePage.js';
import { followLink, matchRoute, useLocation } from './router.js';

/** The public portal: the page frame around the page the address names. */
export function App() {
  const { t, lang, languages, setLang } = usePortalI18n();
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);

  // On moving to another page, start at its top and put keyboard and screen-reader focus on its content.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <Layout
      labels={layoutLabels(t)}
      homeHref="/"
      onHomeClick={(event) => followLink(event, '/')}
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
      footerLinks={[
        { href: '/', text: t('layout.footerSearch'), onClick: (event) => followLink(event, '/') },
        { href: '/app', text: t('layout.footerStaff') },
      ]}
    >
      {route.name === 'home' && <HomePage search={search} />}
      {route.name === 'structure' && <StructurePage key={route.slug} slug={route.slug} />}
      {route.name === 'not-found' && <NotFoundPage />}
    </Layout>
  );
}
