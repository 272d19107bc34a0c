import { useCallback, useEffect, useRef, useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TCaseDetail } from '../../../shared/cases/case.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { Status } from '../components.js';
import { clearFlash, readFlash } from '../people/flash.js';
import { fullName } from '../people/format.js';
import { AidSection } from '../plans/AidSection.js';
import { AssessmentSection } from '../plans/AssessmentSection.js';
import { PlanSection } from '../plans/PlanSection.js';
import { ReferForm } from '../referrals/ReferForm.js';
import { CaseDetails } from './CaseDetails.js';
import { CaseEdit } from './CaseEdit.js';
import { StatusControls } from './StatusControls.js';
import { Timeline } from './Timeline.js';

type State =
  | { status: 'loading' }
  | { status: 'ok'; item: TCaseDetail; etag: string | null }
  | { status: 'not-found' }
  | { status: 'failed'; message: string };

/** One case file: its header and counts, status moves, the edit of summary and worker, and the timeline. */
export function CasePage({ id, me }: { id: string; me: TMe }) {
  const { t, lang } = useStaffI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [editing, setEditing] = useState(false);
  const [referring, setReferring] = useState(false);
  const [flash, setFlashShown] = useState<string | null>(readFlash);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const can = (permission: string) => me.permissions.includes(permission);

  useEffect(() => clearFlash(), []);

  const load = useCallback(async (): Promise<TCaseDetail | null> => {
    const r = await api<TCaseDetail>('GET', `/cases/${id}`);
    if (r.ok) setState({ status: 'ok', item: r.data, etag: r.etag });
    else if (r.problem?.status === 404) setState({ status: 'not-found' });
    else setState({ status: 'failed', message: r.problem?.detail || t('common.network') });
    return r.ok ? r.data : null;
  }, [id, t]);
  const reload = useCallback(() => void load(), [load]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Status>{t('common.loading')}</Status>;
  if (state.status === 'failed') return <p className="govgr-body mr-notice mr-notice--error">{state.message}</p>;
  if (state.status === 'not-found') {
    return (
      <>
        <h1 className="govgr-heading-xl">{t('case.notFound')}</h1>
        <p className="govgr-body">
          <Link to="/app/cases" className="govgr-link">
            {t('case.backToList')}
          </Link>
        </p>
      </>
    );
  }

  const { item, etag } = state;
  const active = item.status !== 'closed';
  const canUpdate = can('case.update');
  return (
    <>
      <p className="govgr-body">
        <Link to="/app/cases" className="govgr-link">
          {t('case.backToList')}
        </Link>
      </p>
      <h1 className="govgr-heading-xl" tabIndex={-1} ref={headingRef}>
        {t('case.heading', { who: item.person ? fullName(item.person) : t('cases.household') })}
        <span className="govgr-caption-m mr-subtitle">{pickText(item.type.name, lang)}</span>
      </h1>
      {flash ? <Status>{flash}</Status> : null}
      <CaseDetails item={item} />
      {canUpdate && !editing ? (
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setEditing(true)}>
          {t('caseEdit.open')}
        </button>
      ) : null}
      {editing ? (
        <CaseEdit
          item={item}
          etag={etag}
          me={me}
          onSaved={() => {
            setEditing(false);
            setFlashShown(t('caseEdit.saved'));
            void load();
            headingRef.current?.focus();
          }}
          onReload={load}
          onCancel={() => {
            setEditing(false);
            headingRef.current?.focus();
          }}
        />
      ) : null}
      {canUpdate || can('case.approve') ? (
        <StatusControls
          item={item}
          me={me}
          onChanged={(message) => {
            setFlashShown(message);
            void load();
          }}
        />
      ) : null}
      <AssessmentSection caseId={item.id} caseType={item.type.slug} canWrite={canUpdate && active} onChanged={reload} />
      <PlanSection
        caseId={item.id}
        personId={item.person?.id ?? null}
        me={me}
        canWrite={canUpdate && active}
        onChanged={reload}
      />
      {canUpdate || can('case.approve') ? (
        <AidSection caseId={item.id} me={me} canWrite={canUpdate && active} onChanged={reload} />
      ) : null}
      {item.person && active && can('referral.create') ? (
        <section className="mr-section" aria-labelledby="refer-heading">
          <h2 className="govgr-heading-m" id="refer-heading">
            {t('refer.heading')}
          </h2>
          {referring ? (
            <ReferForm
              caseId={item.id}
              personId={item.person.id}
              structure={item.structure.slug}
              onCancel={() => setReferring(false)}
            />
          ) : (
            <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setReferring(true)}>
              {t('refer.open')}
            </button>
          )}
        </section>
      ) : null}
      <Timeline
        key={`${item.status}-${item.version}`}
        caseId={item.id}
        me={me}
        canWrite={canUpdate && active}
        onChanged={reload}
      />
    </>
  );
}
