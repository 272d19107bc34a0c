import { useEffect, useRef } from 'react';
import type { TMe } from '../../shared/auth.js';
import { pickText } from '../../shared/localized.js';
import { Layout, layoutLabels, MAIN_ID } from '../components/Layout.js';
import { LanguageSwitcher } from '../components/LanguageSwitcher.js';
import { useDocumentTitle } from '../components/useDocumentTitle.js';
import { useStaffI18n } from '../i18n/staff/index.js';
import { Link, navigate, useLocation } from '../portal/router.js';
import { api, setApiLanguage } from './api.js';
import { CasePage } from './cases/CasePage.js';
import { CasesPage } from './cases/CasesPage.js';
import { DailyPage } from './cases/DailyPage.js';
import { Status } from './components.js';
import { AuditPage } from './pages/Audit.js';
import { BreakGlassPage } from './pages/BreakGlass.js';
import { EnrolPage } from './pages/Enrol.js';
import { HomePage } from './pages/Home.js';
import { MfaPage } from './pages/Mfa.js';
import { ProfilePage } from './pages/Profile.js';
import { ReferralPage } from './referrals/ReferralPage.js';
import { ReferralsPage } from './referrals/ReferralsPage.js';
import { SignInPage } from './pages/SignIn.js';
import { UsersPage } from './pages/Users.js';
import { DuplicatesPage } from './people/DuplicatesPage.js';
import { isUuid } from './people/format.js';
import { IntakePage } from './people/IntakePage.js';
import { PersonPage } from './people/PersonPage.js';
import { PersonsPage } from './people/PersonsPage.js';
import { SessionProvider, useSession } from './session.js';

const PAGES = [
  { path: '/app', key: 'nav.home', permission: null },
  { path: '/app/persons', key: 'nav.persons', permission: 'person.read' },
  { path: '/app/duplicates', key: 'nav.duplicates', permission: 'person.merge' },
  { path: '/app/cases', key: 'nav.cases', permission: 'case.read' },
  { path: '/app/service-log', key: 'nav.serviceLog', permission: 'service.record' },
  { path: '/app/referrals', key: 'nav.referrals', permission: 'referral.read' },
  { path: '/app/users', key: 'nav.users', permission: 'user.read' },
  { path: '/app/audit', key: 'nav.audit', permission: 'audit.read' },
  { path: '/app/break-glass', key: 'nav.breakGlass', permission: 'breakglass.review' },
  { path: '/app/profile', key: 'nav.profile', permission: null },
] as const;

/** The structure switcher: one of the memberships' structures, or all of them. */
function StructureSwitcher({ me }: { me: TMe }) {
  const { t, lang } = useStaffI18n();
  const { accept } = useSession();
  const structures = me.memberships.flatMap((m) => (m.structure ? [m.structure] : []));
  if (structures.length < 2) return null;
  return (
    <div className="govgr-field mr-field mr-switcher">
      <label className="govgr-label" htmlFor="structure-switcher">
        {t('nav.structure')}
      </label>
      <select
        id="structure-switcher"
        className="govgr-select"
        value={me.currentStructureId ?? ''}
        onChange={(e) => {
          void api<TMe>('PUT', '/auth/structure', { structureId: e.target.value || null }).then((r) => r.ok && accept(r.data));
        }}
      >
        <option value="">{t('nav.allStructures')}</option>
        {structures.map((s) => (
          <option key={s.id} value={s.id}>
            {pickText(s.name, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The pages under a section of the navigation: a new registration, one person's record, one case. */
function subPage(me: TMe, path: string) {
  if (path === '/app/persons/new') return me.permissions.includes('person.create') ? { kind: 'intake' as const } : null;
  const person = /^\/app\/persons\/([^/]+)$/.exec(path)?.[1];
  if (person && isUuid(person) && me.permissions.includes('person.read')) return { kind: 'person' as const, id: person };
  const found = /^\/app\/cases\/([^/]+)$/.exec(path)?.[1];
  if (found && isUuid(found) && me.permissions.includes('case.read')) return { kind: 'case' as const, id: found };
  const referral = /^\/app\/referrals\/([^/]+)$/.exec(path)?.[1];
  if (referral && isUuid(referral) && me.permissions.includes('referral.read'))
    return { kind: 'referral' as const, id: referral };
  return null;
}

function SignedIn({ me, pathname }: { me: TMe; pathname: string }) {
  const { t } = useStaffI18n();
  const { signOut } = useSession();
  const allowed = PAGES.filter((p) => p.permission === null || me.permissions.includes(p.permission));
  const path = pathname.replace(/\/$/, '');
  const page = allowed.find((p) => p.path === path);
  const sub = page ? null : subPage(me, path);
  const section = sub ? allowed.find((p) => p.path !== '/app' && path.startsWith(`${p.path}/`)) : undefined;

  // On moving to another page, start at its top and put keyboard and screen-reader focus on its content.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <nav aria-label={t('nav.label')} className="mr-staff-nav">
        <ul className="mr-plain-list mr-staff-nav__list">
          {allowed.map((p) => (
            <li key={p.path}>
              <Link to={p.path} className="govgr-link" aria-current={p === page ? 'page' : p === section ? 'true' : undefined}>
                {t(p.key)}
              </Link>
            </li>
          ))}
          <li>
            <button type="button" className="govgr-btn govgr-btn-secondary mr-signout" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
        <StructureSwitcher me={me} />
      </nav>
      {page?.path === '/app/users' ? <UsersPage canManage={me.permissions.includes('user.manage')} /> : null}
      {page?.path === '/app/audit' ? <AuditPage /> : null}
      {page?.path === '/app/break-glass' ? <BreakGlassPage /> : null}
      {page?.path === '/app/profile' ? <ProfilePage me={me} /> : null}
      {page?.path === '/app/persons' ? <PersonsPage canCreate={me.permissions.includes('person.create')} /> : null}
      {page?.path === '/app/duplicates' ? <DuplicatesPage /> : null}
      {page?.path === '/app/cases' ? <CasesPage key={me.currentStructureId ?? 'all'} me={me} /> : null}
      {page?.path === '/app/service-log' ? <DailyPage key={me.currentStructureId ?? 'all'} me={me} /> : null}
      {page?.path === '/app/referrals' ? <ReferralsPage key={me.currentStructureId ?? 'all'} /> : null}
      {page?.path === '/app' ? <HomePage me={me} /> : null}
      {sub?.kind === 'intake' ? <IntakePage me={me} /> : null}
      {sub?.kind === 'person' ? <PersonPage key={`${sub.id}-${me.currentStructureId ?? 'all'}`} id={sub.id} me={me} /> : null}
      {sub?.kind === 'case' ? <CasePage key={`${sub.id}-${me.currentStructureId ?? 'all'}`} id={sub.id} me={me} /> : null}
      {sub?.kind === 'referral' ? <ReferralPage key={`${sub.id}-${me.currentStructureId ?? 'all'}`} id={sub.id} me={me} /> : null}
      {page || sub ? null : (
        <>
          <h1 className="govgr-heading-xl">{t('common.notFound')}</h1>
          <p className="govgr-body">
            <Link to="/app" className="govgr-link">
              {t('nav.home')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}

function Content() {
  const { t } = useStaffI18n();
  const { state } = useSession();
  const { pathname } = useLocation();
  useEffect(() => {
    // Signed out anywhere → the sign-in page; signed in on the sign-in page → home.
    if (state.status === 'signed-out' && pathname !== '/app/sign-in') navigate('/app/sign-in', { replace: true });
    if (state.status === 'signed-in' && pathname === '/app/sign-in') navigate('/app', { replace: true });
  }, [state.status, pathname]);
  if (state.status === 'loading') return <Status>{t('common.loading')}</Status>;
  if (state.status === 'signed-out') return <SignInPage />;
  if (state.me.mfa === 'required') return <MfaPage />;
  if (state.me.mfa === 'enrolment_required') return <EnrolPage />;
  return <SignedIn me={state.me} pathname={pathname} />;
}

/** The staff area: sign-in with a second factor, then the pages the user's permissions open. */
export function App() {
  const { t, lang, languages, setLang } = useStaffI18n();
  useDocumentTitle(t('meta.title'));
  useEffect(() => setApiLanguage(lang), [lang]);
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
      <SessionProvider>
        <Content />
      </SessionProvider>
    </Layout>
  );
}
