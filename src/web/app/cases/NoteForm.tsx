import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { SENSITIVITY_LABELS, type SensitivityLabel } from '../../../shared/access.js';
import type { TEntry } from '../../../shared/cases/timeline.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { ErrorSummary, type FormError } from '../components.js';
import { Select, TextArea } from '../people/fields.js';
import { sensitivityLabel } from './labels.js';

/**
 * Writing a note, or a new version of one (`correcting`), with an optional sensitivity label:
 * only the labels the writer is cleared for are offered (the server refuses the others).
 */
export function NoteForm(props: {
  caseId: string;
  clearances: readonly string[];
  idPrefix: string;
  correcting?: TEntry;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useStaffI18n();
  const { correcting, idPrefix } = props;
  const initialText = correcting && typeof correcting.body.text === 'string' ? correcting.body.text : '';
  const [text, setText] = useState(initialText);
  const [label, setLabel] = useState<SensitivityLabel | ''>(correcting?.sensitivity ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const labels = SENSITIVITY_LABELS.filter((l) => props.clearances.includes(l));

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setErrors([{ field: `${idPrefix}-text`, text: t('note.textRequired') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    const body = { text: text.trim(), sensitivity: label || null };
    const r = correcting
      ? await api<TEntry>('POST', `/cases/${props.caseId}/timeline/${correcting.id}/correct`, body)
      : await api<TEntry>('POST', `/cases/${props.caseId}/timeline`, { kind: 'note', ...body });
    setBusy(false);
    if (!r.ok) {
      setErrors([{ text: r.problem?.detail || t('common.network') }]);
      return;
    }
    setText('');
    setLabel('');
    props.onDone(correcting ? t('note.corrected') : t('note.added'));
  }

  return (
    <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <TextArea
        id={`${idPrefix}-text`}
        label={correcting ? t('note.correctText') : t('note.text')}
        value={text}
        error={errors.find((e) => e.field === `${idPrefix}-text`)?.text}
        onChange={setText}
        rows={correcting ? 3 : 4}
      />
      {labels.length > 0 ? (
        <Select
          id={`${idPrefix}-sensitivity`}
          label={t('note.sensitivity')}
          hint={t('note.sensitivityHint')}
          value={label}
          onChange={(v) => setLabel(labels.find((l) => l === v) ?? '')}
          options={[{ value: '', label: t('note.noLabel') }, ...labels.map((l) => ({ value: l, label: sensitivityLabel(t, l) }))]}
        />
      ) : null}
      <div className="govgr-button-group mr-actions">
        <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy}>
          {correcting ? t('note.saveCorrection') : t('note.add')}
        </button>
        {props.onCancel ? (
          <button type="button" className="govgr-btn govgr-btn-secondary" onClick={props.onCancel}>
            {t('person.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
