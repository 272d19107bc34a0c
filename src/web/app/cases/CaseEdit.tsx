import { useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TCase, TCaseDetail, TCasePatch } from '../../../shared/cases/case.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { Select, TextArea } from '../people/fields.js';

interface Form {
  summary: string;
  /** A user id, or '' for nobody. */
  assignee: string;
}

const formOf = (c: TCaseDetail): Form => ({ summary: c.summary ?? '', assignee: c.assignedTo?.id ?? '' });

/**
 * Changing a case's summary and worker. The change is sent with the version it was made on
 * (If-Match): if someone else saved in the meantime nothing is overwritten; the worker keeps what
 * they typed, loads the current version and saves again (as on a person's record).
 */
export function CaseEdit(props: {
  item: TCaseDetail;
  etag: string | null;
  me: TMe;
  onSaved: () => void;
  /** Loads the version now stored; null when it could not be read. */
  onReload: () => Promise<TCaseDetail | null>;
  onCancel: () => void;
}) {
  const { t } = useStaffI18n();
  const { item, etag, me } = props;
  const [base, setBase] = useState<Form>(() => formOf(item));
  const [form, setForm] = useState<Form>(base);
  const [assignees, setAssignees] = useState(() => (item.assignedTo ? [item.assignedTo] : []));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    setStatus(null);
    setErrors([]);
    const patch: TCasePatch = {};
    if (form.summary.trim() !== base.summary.trim()) patch.summary = form.summary.trim() || null;
    if (form.assignee !== base.assignee) patch.assignedTo = form.assignee || null;
    if (Object.keys(patch).length === 0) {
      setStatus(t('person.noChanges'));
      return;
    }
    setBusy(true);
    const r = await api<TCase>('PATCH', `/cases/${item.id}`, patch, { headers: etag ? { 'if-match': etag } : {} });
    setBusy(false);
    if (r.ok) {
      setConflict(false);
      props.onSaved();
    } else if (r.problem?.status === 409) setConflict(true);
    else setErrors([{ text: r.problem?.detail || t('common.network') }]);
  }

  async function reload() {
    setBusy(true);
    const fresh = await props.onReload();
    setBusy(false);
    if (!fresh) return;
    const next = formOf(fresh);
    // What the worker changed stays; what they left alone takes the stored value.
    setForm((typed) => ({
      summary: typed.summary !== base.summary ? typed.summary : next.summary,
      assignee: typed.assignee !== base.assignee ? typed.assignee : next.assignee,
    }));
    setBase(next);
    if (fresh.assignedTo) {
      const now = fresh.assignedTo;
      setAssignees((known) => (known.some((a) => a.id === now.id) ? known : [...known, now]));
    }
    setConflict(false);
    setStatus(t('person.reloaded'));
  }

  const options = [
    { value: me.user.id, label: t('case.me', { name: me.user.displayName }) },
    ...assignees.filter((a) => a.id !== me.user.id).map((a) => ({ value: a.id, label: a.displayName })),
    { value: '', label: t('case.nobody') },
  ];
  return (
    <section className="mr-section" aria-labelledby="case-edit-heading">
      <h2 className="govgr-heading-m" id="case-edit-heading">
        {t('caseEdit.heading')}
      </h2>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      {conflict ? (
        <div className="mr-notice mr-notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
          <p className="govgr-body mr-notice__title">{t('caseEdit.conflictTitle')}</p>
          <p className="govgr-body">{t('caseEdit.conflict')}</p>
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
        <TextArea
          id="case-edit-summary"
          label={t('case.summary')}
          value={form.summary}
          onChange={(summary) => setForm({ ...form, summary })}
        />
        <Select
          id="case-edit-assignee"
          label={t('case.assignedTo')}
          hint={t('caseEdit.assigneeHint')}
          value={form.assignee}
          onChange={(assignee) => setForm({ ...form, assignee })}
          options={options}
        />
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
