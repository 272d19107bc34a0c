import { useEffect, useMemo, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TPerson } from '../../../shared/people/person.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { formErrors } from './errors.js';
import { PersonFields } from './PersonFields.js';
import { checkPerson } from './validate.js';
import { personFormFrom, personPatch, problemsFromApi, rebase, type FieldProblem, type PersonForm } from './personForm.js';

const PREFIX = 'edit';

/**
 * Changing a record. The change is sent with the version it was made on (If-Match): if someone
 * else saved in the meantime, nothing is overwritten; the worker keeps what they typed, loads the
 * current version and saves again.
 */
export function PersonEdit(props: {
  person: TPerson;
  etag: string | null;
  clearances: readonly string[];
  onSaved: (person: TPerson, etag: string | null) => void;
  /** Loads the version now stored; null when it could not be read. */
  onReload: () => Promise<TPerson | null>;
  onCancel: () => void;
}) {
  const { t } = useStaffI18n();
  const { person, etag, clearances } = props;
  // The version the worker's changes are made on: the one read, then the one reloaded after a conflict.
  const [base, setBase] = useState<PersonForm>(() => personFormFrom(person));
  const [form, setForm] = useState<PersonForm>(base);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [general, setGeneral] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const set = (change: Partial<PersonForm>) => setForm((f) => ({ ...f, ...change }));
  const { summary, byPath } = useMemo(() => formErrors(problems, PREFIX, t), [problems, t]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    setStatus(null);
    setGeneral([]);
    const patch = personPatch(base, form, clearances);
    const found = checkPerson(patch, 'patch');
    setProblems(found);
    if (found.length) return;
    if (Object.keys(patch).length === 0) {
      setStatus(t('person.noChanges'));
      return;
    }
    setBusy(true);
    const r = await api<TPerson>('PATCH', `/persons/${person.id}`, patch, { headers: etag ? { 'if-match': etag } : {} });
    setBusy(false);
    if (r.ok) {
      setConflict(false);
      props.onSaved(r.data, r.etag);
      return;
    }
    if (r.problem?.status === 409) {
      setConflict(true);
      return;
    }
    const fromApi = problemsFromApi(r.problem?.errors);
    setProblems(fromApi);
    if (!(r.problem?.status === 400 && fromApi.length)) setGeneral([{ text: r.problem?.detail || t('common.network') }]);
  }

  async function reload() {
    setBusy(true);
    const fresh = await props.onReload();
    setBusy(false);
    if (!fresh) return;
    const next = personFormFrom(fresh);
    setForm((typed) => rebase(base, typed, next));
    setBase(next);
    setConflict(false);
    setStatus(t('person.reloaded'));
  }

  return (
    <section className="mr-section" aria-labelledby="edit-heading">
      <h2 className="govgr-heading-m" id="edit-heading">
        {t('person.editHeading')}
      </h2>
      <ErrorSummary title={t('common.errorSummary')} errors={[...general, ...summary]} />
      {conflict ? (
        <div className="mr-notice mr-notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
          <p className="govgr-body mr-notice__title">{t('person.conflictTitle')}</p>
          <p className="govgr-body">{t('person.conflict')}</p>
          <button
            type="button"
            className="govgr-btn govgr-btn-secondary mr-notice__action"
            onClick={() => void reload()}
            disabled={busy}
          >
            {t('person.reload')}
          </button>
        </div>
      ) : null}
      {status ? <Status>{status}</Status> : null}
      <form onSubmit={(e) => void save(e)} noValidate>
        <PersonFields prefix={PREFIX} form={form} set={set} errors={byPath} clearances={clearances} />
        <div className="govgr-button-group mr-actions">
          <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
            {t('person.save')}
          </button>
          <button type="button" className="govgr-btn govgr-btn-secondary" onClick={props.onCancel}>
            {t('person.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
