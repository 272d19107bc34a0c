import { useEffect, useMemo, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { pickText } from '../../../shared/localized.js';
import type { TPerson } from '../../../shared/people/person.js';
import type { TCandidate, TMatchResult } from '../../../shared/people/registry.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { navigate } from '../../portal/router.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { CandidateCard } from './CandidateCard.js';
import { CandidatePanel, type MatchState } from './CandidatePanel.js';
import { formErrors } from './errors.js';
import { Select } from './fields.js';
import { setFlash } from './flash.js';
import { PersonFields } from './PersonFields.js';
import { emptyPersonForm, matchDraft, personInput, problemsFromApi, type FieldProblem, type PersonForm } from './personForm.js';
import { useRegistrationStructures } from './useDirectory.js';
import { checkPerson } from './validate.js';

const PREFIX = 'intake';
const DUPLICATE = 'urn:merimna:problem:possible_duplicate';

/**
 * Registering a person, searching before creating: as the worker types, persons who may be the
 * same appear beside the form, and one of them can be registered here instead of a new record.
 */
export function IntakePage({ me }: { me: TMe }) {
  const { t, tp, lang } = useStaffI18n();
  const [form, setForm] = useState<PersonForm>(emptyPersonForm);
  const { structures, defaultSlug } = useRegistrationStructures(me);
  const [structure, setStructure] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<FormError[]>([]);
  const [match, setMatch] = useState<MatchState>({ status: 'idle' });
  const [duplicates, setDuplicates] = useState<TCandidate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const duplicatesRef = useRef<HTMLHeadingElement>(null);
  const set = (change: Partial<PersonForm>) => setForm((f) => ({ ...f, ...change }));
  const chosenStructure = structure || defaultSlug;

  const draft = matchDraft(form);
  const draftKey = draft ? JSON.stringify(draft) : '';
  useEffect(() => {
    if (!draftKey) return;
    const controller = new AbortController();
    // Asked ~300 ms after the last keystroke; an answer overtaken by newer typing is dropped.
    const timer = window.setTimeout(() => {
      void api<TMatchResult>('POST', '/persons/match', JSON.parse(draftKey), { signal: controller.signal }).then((r) => {
        if (controller.signal.aborted) return;
        if (r.ok) setMatch({ status: 'done', candidates: r.data.candidates });
        else setMatch({ status: 'failed', message: r.problem?.detail || t('intake.match.failed') });
      });
    }, 300);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [draftKey, t]);

  useEffect(() => {
    if (duplicates) duplicatesRef.current?.focus();
  }, [duplicates]);

  const { summary, byPath } = useMemo(() => formErrors(problems, PREFIX, t), [problems, t]);

  async function register(extra: { linkTo?: string; confirmNew?: boolean }, names?: { givenName: string; familyName: string }) {
    const fields = personInput(form, me.clearances);
    // Registering as an existing person needs no names typed: the record already has them.
    if (names && !form.givenName.trim()) fields.givenName = names.givenName;
    if (names && !form.familyName.trim()) fields.familyName = names.familyName;
    const found = checkPerson(fields, 'create');
    const input = {
      ...fields,
      ...(structures.length > 1 && chosenStructure ? { structure: chosenStructure } : {}),
      ...extra,
    };
    setGeneral([]);
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    const r = await api<TPerson>('POST', '/persons', input);
    setBusy(false);
    if (r.ok) {
      setFlash(t(extra.linkTo ? 'intake.linked' : 'intake.created'));
      navigate(`/app/persons/${r.data.id}`);
      return;
    }
    if (r.problem?.status === 409 && r.problem.type === DUPLICATE) {
      setDuplicates(r.problem.candidates ?? []);
      return;
    }
    const fromApi = problemsFromApi(r.problem?.errors);
    if (fromApi.length && r.problem?.status === 400) setProblems(fromApi);
    else {
      if (fromApi.length) setProblems(fromApi);
      setGeneral([{ text: r.problem?.detail || t('common.network') }]);
    }
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    setDuplicates(null);
    void register({});
  }

  const candidateNames = (id: string) => {
    const all = [...(duplicates ?? []), ...(match.status === 'done' ? match.candidates : [])];
    const c = all.find((x) => x.id === id);
    return c ? { givenName: c.givenName, familyName: c.familyName } : undefined;
  };
  const linkTo = (id: string) => void register({ linkTo: id }, candidateNames(id));

  return (
    <>
      <h1 className="govgr-heading-xl">{t('intake.heading')}</h1>
      <p className="govgr-body mr-intro">{t('intake.intro')}</p>
      <ErrorSummary title={t('common.errorSummary')} errors={[...general, ...summary]} />
      {duplicates ? (
        <section className="mr-notice mr-duplicates" aria-labelledby="duplicates-heading">
          <h2 className="govgr-heading-m" id="duplicates-heading" tabIndex={-1} ref={duplicatesRef}>
            {t('intake.duplicateHeading')}
          </h2>
          <p className="govgr-body">{t('intake.duplicateIntro')}</p>
          <ul className="mr-plain-list">
            {duplicates.map((c) => (
              <CandidateCard key={c.id} candidate={c} onSame={linkTo} busy={busy} />
            ))}
          </ul>
          <div className="govgr-button-group mr-actions">
            <button
              type="button"
              className="govgr-btn govgr-btn-warning"
              disabled={busy}
              onClick={() => void register({ confirmNew: true })}
            >
              {t('intake.confirmNew')}
            </button>
            <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setDuplicates(null)}>
              {t('intake.backToForm')}
            </button>
          </div>
        </section>
      ) : null}
      <div className="mr-intake">
        <form className="mr-intake__form" onSubmit={submit} noValidate aria-labelledby="intake-form-heading">
          <h2 className="govgr-visually-hidden" id="intake-form-heading">
            {t('intake.formHeading')}
          </h2>
          {structures.length > 1 ? (
            <Select
              id={`${PREFIX}-structure`}
              label={t('person.field.structure')}
              value={chosenStructure}
              onChange={setStructure}
              error={byPath.structure}
              options={structures.map((s) => ({ value: s.slug, label: pickText(s.name, lang) }))}
            />
          ) : null}
          <PersonFields prefix={PREFIX} form={form} set={set} errors={byPath} clearances={me.clearances} />
          {match.status === 'done' && draftKey && match.candidates.length > 0 ? (
            // On a phone the panel comes after the form: a way down to it before registering.
            <p className="govgr-body mr-only-narrow">
              <a href="#candidates-heading" className="govgr-link">
                {tp('intake.match.jump', match.candidates.length)}
              </a>
            </p>
          ) : null}
          <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
            {t('intake.submit')}
          </button>
        </form>
        <CandidatePanel state={draftKey ? match : { status: 'idle' }} onSame={linkTo} busy={busy} />
      </div>
    </>
  );
}
