import { useCallback, useEffect, useRef, useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TPerson } from '../../../shared/people/person.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { PersonCases } from '../cases/PersonCases.js';
import { Status } from '../components.js';
import { BreakGlassOffer } from './BreakGlassOffer.js';
import { ConsentsSection } from './ConsentsSection.js';
import { clearFlash, readFlash } from './flash.js';
import { fullName } from './format.js';
import { HouseholdSection } from './HouseholdSection.js';
import { LinksSection } from './LinksSection.js';
import { PersonDetails } from './PersonDetails.js';
import { PersonEdit } from './PersonEdit.js';

type State =
  | { status: 'loading' }
  | { status: 'ok'; person: TPerson; etag: string | null }
  | { status: 'not-found' }
  | { status: 'failed'; message: string };

/** One person's record, with households, consents and the link log; 404 offers break-glass to those who hold it. */
export function PersonPage({ id, me }: { id: string; me: TMe }) {
  const { t } = useStaffI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [editing, setEditing] = useState(false);
  const [flash, setFlashShown] = useState<string | null>(readFlash);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const can = (permission: string) => me.permissions.includes(permission);

  useEffect(() => clearFlash(), []);

  const load = useCallback(async (): Promise<TPerson | null> => {
    const r = await api<TPerson>('GET', `/persons/${id}`);
    if (r.ok) setState({ status: 'ok', person: r.data, etag: r.etag });
    else if (r.problem?.status === 404) setState({ status: 'not-found' });
    else setState({ status: 'failed', message: r.problem?.detail || t('common.network') });
    return r.ok ? r.data : null;
  }, [id, t]);
  const reload = useCallback(async () => {
    await load();
  }, [load]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Status>{t('common.loading')}</Status>;
  if (state.status === 'failed') return <p className="govgr-body mr-notice mr-notice--error">{state.message}</p>;
  if (state.status === 'not-found') {
    return (
      <>
        <h1 className="govgr-heading-xl">{t('person.notFound')}</h1>
        <p className="govgr-body mr-intro">{t('person.notFoundIntro')}</p>
        {can('breakglass.use') ? (
          <BreakGlassOffer
            personId={id}
            onOpened={() => {
              setFlashShown(t('person.bgOpened'));
              void load();
            }}
          />
        ) : null}
        <p className="govgr-body">
          <Link to="/app/persons" className="govgr-link">
            {t('person.backToList')}
          </Link>
        </p>
      </>
    );
  }

  const { person, etag } = state;
  const canEdit = can('person.update') && person.access === 'scope';
  return (
    <>
      <p className="govgr-body">
        <Link to="/app/persons" className="govgr-link">
          {t('person.backToList')}
        </Link>
      </p>
      <h1 className="govgr-heading-xl" tabIndex={-1} ref={headingRef}>
        {fullName(person)}
      </h1>
      {person.access === 'break-glass' ? (
        <div className="govgr-notification-banner mr-banner" role="region" aria-labelledby="bg-banner-title">
          <div className="govgr-notification-banner__header">
            <h2 className="govgr-notification-banner__title" id="bg-banner-title">
              {t('person.bgBannerTitle')}
            </h2>
          </div>
          <div className="govgr-notification-banner__content">
            <p className="govgr-body">{t('person.bgBanner')}</p>
          </div>
        </div>
      ) : null}
      {flash ? <Status>{flash}</Status> : null}
      {person.confidential ? <p className="govgr-body mr-notice">{t('person.confidential')}</p> : null}
      {canEdit && !editing ? (
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setEditing(true)}>
          {t('person.edit')}
        </button>
      ) : null}
      {editing ? (
        <PersonEdit
          person={person}
          etag={etag}
          clearances={me.clearances}
          onSaved={(saved, newEtag) => {
            setState({ status: 'ok', person: saved, etag: newEtag });
            setEditing(false);
            setFlashShown(t('person.saved'));
            headingRef.current?.focus();
          }}
          onReload={load}
          onCancel={() => {
            setEditing(false);
            headingRef.current?.focus();
          }}
        />
      ) : null}
      <PersonDetails person={person} />
      {person.access === 'scope' ? (
        <>
          {can('case.read') ? <PersonCases me={me} personId={person.id} /> : null}
          <HouseholdSection personId={person.id} canUpdate={can('person.update')} />
          <ConsentsSection personId={person.id} canUpdate={can('person.update')} />
          <LinksSection person={person} canMerge={can('person.merge')} onChanged={reload} />
        </>
      ) : null}
    </>
  );
}
