import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { pickText } from '../../../shared/localized.js';
import type { TAction, TPlan } from '../../../shared/plans/plan.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { formatDate } from '../people/format.js';
import { useStructures } from '../people/useDirectory.js';
import { draftOf, emptyGoal, planPutOf, type DraftGoal } from './draft.js';
import { GoalFields } from './GoalFields.js';
import { actionStatusLabel, goalLabel, goalStatusLabel } from './labels.js';

type Loaded = { plan: TPlan; etag: string };

/**
 * The case's action plan: goals and their actions, read, and written as a whole with If-Match.
 * A stale save keeps what was typed and offers to save it over the version now stored.
 */
export function PlanSection(props: {
  caseId: string;
  personId: string | null;
  me: TMe;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useStaffI18n();
  const myId = props.me.user.id;
  const structures = useStructures();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<DraftGoal[] | null>(null);
  const [workers, setWorkers] = useState<{ id: string; name: string }[]>([]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async (): Promise<Loaded | null> => {
    const r = await api<TPlan>('GET', `/cases/${props.caseId}/plan`);
    if (!r.ok) return null;
    const next = { plan: r.data, etag: r.etag ?? `"v${r.data.version}"` };
    setLoaded(next);
    return next;
  }, [props.caseId]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  function startEditing(plan: TPlan) {
    const d = draftOf(plan, myId);
    setDraft(d.goals.length ? d.goals : [emptyGoal()]);
    setWorkers(d.workers);
    setErrors([]);
    setMessage(null);
  }

  function check(goals: DraftGoal[]): FormError[] {
    const found: FormError[] = [];
    goals.forEach((g, gi) => {
      if (!g.text.trim())
        found.push({ field: `plan-g${gi}-text`, text: t('plan.textRequired', { what: t('plan.goal', { n: String(gi + 1) }) }) });
      g.actions.forEach((a, ai) => {
        const what = `${t('plan.goal', { n: String(gi + 1) })} — ${t('plan.action', { n: String(ai + 1) })}`;
        if (!a.text.trim()) found.push({ field: `plan-g${gi}-a${ai}-text`, text: t('plan.textRequired', { what }) });
        if (a.owner === 'structure' && !a.structure)
          found.push({ field: `plan-g${gi}-a${ai}-structure`, text: `${what}: ${t('plan.ownerStructure')}` });
      });
    });
    return found;
  }

  async function save(etag: string) {
    if (!draft) return;
    const found = check(draft);
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    const r = await api<TPlan>('PUT', `/cases/${props.caseId}/plan`, planPutOf(draft, myId, props.personId), {
      headers: { 'if-match': etag },
    });
    setBusy(false);
    if (r.ok) {
      setLoaded({ plan: r.data, etag: r.etag ?? `"v${r.data.version}"` });
      setDraft(null);
      setConflict(null);
      setMessage(t('plan.saved'));
      props.onChanged();
      headingRef.current?.focus();
    } else if (r.problem?.status === 409) {
      // Someone saved meanwhile: the draft stays as typed; the version now stored is shown beside it.
      const current = await load();
      setConflict(current);
    } else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (loaded) void save(loaded.etag);
  };
  const plan = loaded?.plan;
  const ownerText = (a: TAction) =>
    a.owner.kind === 'worker'
      ? a.owner.user.displayName
      : a.owner.kind === 'person'
        ? t('plan.owner.person')
        : pickText(a.owner.structure.name, lang);

  return (
    <section className="mr-section" aria-labelledby="plan-heading">
      <h2 className="govgr-heading-m" id="plan-heading" tabIndex={-1} ref={headingRef}>
        {t('plan.heading')}
      </h2>
      {message ? <Status>{message}</Status> : null}
      {!plan ? <Status>{t('common.loading')}</Status> : null}
      {plan && !draft && plan.goals.length === 0 ? <p className="govgr-body mr-notice">{t('plan.none')}</p> : null}
      {plan && !draft && plan.version > 0 ? (
        <p className="govgr-body">{t('plan.version', { version: String(plan.version), who: plan.updatedBy ?? '—' })}</p>
      ) : null}
      {plan && !draft
        ? plan.goals.map((g, gi) => (
            <div key={g.id} className="mr-plan-goal">
              <h3 className="govgr-heading-s">
                {t('plan.goal', { n: String(gi + 1) })}: {g.text}
                <span className="govgr-caption-m mr-subtitle">
                  {goalLabel(t, g.domain)} · {goalStatusLabel(t, g.status)}
                </span>
              </h3>
              {g.actions.length ? (
                <div className="mr-table-wrap" tabIndex={0} role="region" aria-label={`${t('plan.caption')} ${gi + 1}`}>
                  <table className="govgr-table">
                    <caption className="govgr-table__caption">
                      {t('plan.caption')} {gi + 1}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('plan.actionText')}</th>
                        <th scope="col">{t('plan.owner')}</th>
                        <th scope="col">{t('tasks.due')}</th>
                        <th scope="col">{t('plan.actionStatus')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.actions.map((a) => (
                        <tr key={a.id}>
                          <th scope="row">{a.text}</th>
                          <td>{ownerText(a)}</td>
                          <td>{a.dueOn ? formatDate(a.dueOn) : '—'}</td>
                          <td>{actionStatusLabel(t, a.status)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </div>
          ))
        : null}
      {plan && !draft && props.canWrite ? (
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => startEditing(plan)}>
          {plan.goals.length ? t('plan.edit') : t('plan.write')}
        </button>
      ) : null}
      {draft ? (
        <form onSubmit={submit} noValidate aria-label={t('plan.edit')}>
          <ErrorSummary title={t('common.errorSummary')} errors={errors} />
          {conflict ? (
            <div className="mr-notice mr-notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
              <p className="govgr-body mr-notice__title">{t('plan.conflictTitle')}</p>
              <p className="govgr-body">{t('plan.conflict')}</p>
              <p className="govgr-body">
                {t('plan.current', { version: String(conflict.plan.version), goals: String(conflict.plan.goals.length) })}
              </p>
              <button
                type="button"
                className="govgr-btn govgr-btn-secondary mr-notice__action"
                disabled={busy}
                onClick={() => void save(conflict.etag)}
              >
                {t('plan.useCurrent')}
              </button>
            </div>
          ) : null}
          {draft.map((g, gi) => (
            <GoalFields
              key={g.key}
              goal={g}
              index={gi}
              me={{ id: myId, name: props.me.user.displayName }}
              workers={workers}
              hasPerson={props.personId !== null}
              structures={structures}
              errorOf={(id) => errors.find((e) => e.field === id)?.text}
              onChange={(next) => setDraft((d) => d?.map((x, i) => (i === gi ? next : x)) ?? null)}
              onRemove={() => setDraft((d) => d?.filter((_, i) => i !== gi) ?? null)}
            />
          ))}
          <div className="govgr-button-group mr-actions">
            <button
              type="button"
              className="govgr-btn govgr-btn-secondary"
              onClick={() => setDraft((d) => [...(d ?? []), emptyGoal()])}
            >
              {t('plan.addGoal')}
            </button>
            <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
              {t('plan.save')}
            </button>
            <button
              type="button"
              className="govgr-btn govgr-btn-secondary"
              onClick={() => {
                setDraft(null);
                setConflict(null);
                headingRef.current?.focus();
              }}
            >
              {t('plan.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
