import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { pickText } from '../../../shared/localized.js';
import type { TAssessment, TAssessmentForm, TScoreHistory } from '../../../shared/plans/assessment.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { Fieldset, Radio, Select, TextArea } from '../people/fields.js';
import { formatDate } from '../people/format.js';
import { domainLabel, signed } from './labels.js';

/**
 * The needs assessments of a case: the score history per domain with its change, and (for those
 * who may update the case) a new assessment on the form of the case's type.
 */
export function AssessmentSection(props: { caseId: string; caseType: string; canWrite: boolean; onChanged: () => void }) {
  const { t, tp, lang } = useStaffI18n();
  const [forms, setForms] = useState<TAssessmentForm[] | null>(null);
  const [history, setHistory] = useState<TScoreHistory | null>(null);
  const [open, setOpen] = useState(false);
  const [formSlug, setFormSlug] = useState('');
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const loadHistory = useCallback(async () => {
    const r = await api<TScoreHistory>('GET', `/cases/${props.caseId}/assessments/scores`);
    setHistory(r.ok ? r.data : { domains: [], totals: [] });
  }, [props.caseId]);

  useEffect(() => {
    void loadHistory();
    void api<{ items: TAssessmentForm[] }>('GET', `/assessment-forms?type=${encodeURIComponent(props.caseType)}`).then((r) => {
      const items = r.ok ? r.data.items : [];
      setForms(items);
      setFormSlug(items[0]?.slug ?? '');
    });
  }, [loadHistory, props.caseType]);

  const form = forms?.find((f) => f.slug === formSlug);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!form) return;
    const missing = form.questions.filter((q) => answers[q.key] === undefined);
    if (missing.length) {
      setErrors(
        missing.map((q) => ({
          field: `assess-${q.key}`,
          text: t('assess.answerRequired', { question: pickText(q.text, lang) }),
        })),
      );
      return;
    }
    setBusy(true);
    const r = await api<TAssessment>('POST', `/cases/${props.caseId}/assessments`, {
      form: form.slug,
      answers,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setErrors([{ text: r.problem?.detail || t('common.network') }]);
      return;
    }
    setErrors([]);
    setOpen(false);
    setAnswers({});
    setNote('');
    setMessage(t('assess.saved'));
    await loadHistory();
    props.onChanged();
    headingRef.current?.focus();
  }

  return (
    <section className="mr-section" aria-labelledby="assess-heading">
      <h2 className="govgr-heading-m" id="assess-heading" tabIndex={-1} ref={headingRef}>
        {t('assess.heading')}
      </h2>
      {message ? <Status>{message}</Status> : null}
      {history === null ? <Status>{t('common.loading')}</Status> : null}
      {history && history.totals.length === 0 ? <p className="govgr-body mr-notice">{t('assess.none')}</p> : null}
      {history && history.totals.length > 0 ? (
        // Focusable, so that a keyboard can scroll the table on a narrow screen.
        <div className="mr-table-wrap" tabIndex={0} role="region" aria-label={t('assess.caption')}>
          <table className="govgr-table">
            <caption className="govgr-table__caption">
              {t('assess.caption')} ({tp('assess.count', history.totals.length)})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('assess.domain')}</th>
                <th scope="col">{t('assess.history')}</th>
                <th scope="col">{t('assess.change')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...history.domains.map((d) => ({ key: d.domain, label: domainLabel(t, d.domain), ...d })),
                {
                  key: 'total',
                  label: t('assess.total'),
                  points: history.totals,
                  change: (history.totals[history.totals.length - 1]?.score ?? 0) - (history.totals[0]?.score ?? 0),
                },
              ].map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>
                    {row.points
                      .map((p) =>
                        t('assess.point', { day: formatDate(p.assessedOn), score: String(p.score), max: String(p.max) }),
                      )
                      .join(' · ')}
                  </td>
                  <td>{signed(row.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {props.canWrite && forms?.length === 0 ? <p className="govgr-body">{t('assess.noForm')}</p> : null}
      {props.canWrite && form && !open ? (
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setOpen(true)}>
          {t('assess.open')}
        </button>
      ) : null}
      {open && form && forms ? (
        <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate aria-label={t('assess.open')}>
          <ErrorSummary title={t('common.errorSummary')} errors={errors} />
          {forms.length > 1 ? (
            <Select
              id="assess-form"
              label={t('assess.form')}
              value={formSlug}
              onChange={(v) => {
                setFormSlug(v);
                setAnswers({});
              }}
              options={forms.map((f) => ({ value: f.slug, label: pickText(f.name, lang) }))}
            />
          ) : (
            <p className="govgr-body">{pickText(form.name, lang)}</p>
          )}
          {form.questions.map((q) => (
            <Fieldset
              key={q.key}
              id={`assess-${q.key}`}
              label={pickText(q.text, lang)}
              error={errors.find((e) => e.field === `assess-${q.key}`)?.text}
            >
              {q.scale.map((s) => (
                <Radio
                  key={s.score}
                  id={`assess-${q.key}-${s.score}`}
                  name={`assess-${q.key}`}
                  label={`${s.score} — ${pickText(s.label, lang)}`}
                  checked={answers[q.key] === s.score}
                  onChange={() => setAnswers((a) => ({ ...a, [q.key]: s.score }))}
                />
              ))}
            </Fieldset>
          ))}
          <TextArea id="assess-note" label={t('assess.note')} value={note} onChange={setNote} />
          <div className="govgr-button-group mr-actions">
            <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
              {t('assess.submit')}
            </button>
            <button
              type="button"
              className="govgr-btn govgr-btn-secondary"
              onClick={() => {
                setOpen(false);
                setErrors([]);
                headingRef.current?.focus();
              }}
            >
              {t('assess.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
