import { useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TCase, TCaseCreate, TCaseType } from '../../../shared/cases/case.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { navigate } from '../../portal/router.js';
import { api } from '../api.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { Select, TextArea } from '../people/fields.js';
import { setFlash } from '../people/flash.js';
import { useRegistrationStructures } from '../people/useDirectory.js';

const FIELDS: Record<string, string> = {
  'body.structure': 'open-case-structure',
  'body.type': 'open-case-type',
  'body.assignedTo': 'open-case-assignee',
  'body.summary': 'open-case-summary',
};

/** Opening a case for a person: at one of the worker's structures, of a type, for a worker, with a summary. */
export function OpenCaseForm({ me, personId, onCancel }: { me: TMe; personId: string; onCancel: () => void }) {
  const { t, lang } = useStaffI18n();
  const { structures, defaultSlug } = useRegistrationStructures(me, 'case.create');
  const [structure, setStructure] = useState('');
  const [type, setType] = useState('');
  const [types, setTypes] = useState<{ structure: string; items: TCaseType[] } | null>(null);
  const [assignee, setAssignee] = useState<'me' | 'nobody'>('me');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLDivElement>(null);
  const chosen = structure || defaultSlug;

  useEffect(() => first.current?.querySelector('select')?.focus(), []);

  // The types offered at the chosen structure; a type chosen before stays when the new one offers it too.
  useEffect(() => {
    if (!chosen) return;
    const controller = new AbortController();
    void api<{ items: TCaseType[] }>('GET', `/case-types?structure=${encodeURIComponent(chosen)}`, undefined, {
      signal: controller.signal,
    }).then((r) => {
      if (controller.signal.aborted) return;
      const items = r.ok ? r.data.items : [];
      setTypes({ structure: chosen, items });
      setType((current) => (items.some((i) => i.slug === current) ? current : (items[0]?.slug ?? '')));
    });
    return () => controller.abort();
  }, [chosen]);
  const offered = types?.structure === chosen ? types.items : null;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!chosen) {
      setErrors([{ field: FIELDS['body.structure'], text: t('openCase.structureRequired') }]);
      return;
    }
    const body: TCaseCreate = {
      person: personId,
      structure: chosen,
      type,
      assignedTo: assignee === 'me' ? me.user.id : null,
      ...(summary.trim() ? { summary: summary.trim() } : {}),
    };
    setBusy(true);
    const r = await api<TCase>('POST', '/cases', body);
    setBusy(false);
    if (r.ok) {
      setFlash(t('openCase.opened'));
      navigate(`/app/cases/${r.data.id}`);
      return;
    }
    const detail = r.problem?.detail || t('common.network');
    const onFields = (r.problem?.errors ?? []).flatMap((e) =>
      FIELDS[e.field] ? [{ field: FIELDS[e.field], text: detail }] : [],
    );
    setErrors(onFields.length ? onFields : [{ text: detail }]);
  }

  const errorOf = (id: string | undefined) => errors.find((e) => e.field === id)?.text;
  return (
    <form className="mr-subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="open-case-heading">
      <h3 className="govgr-heading-s" id="open-case-heading">
        {t('openCase.heading')}
      </h3>
      <ErrorSummary title={t('common.errorSummary')} errors={errors} />
      <div ref={first}>
        <Select
          id="open-case-structure"
          label={t('case.structure')}
          value={chosen}
          error={errorOf(FIELDS['body.structure'])}
          onChange={setStructure}
          options={structures.map((s) => ({ value: s.slug, label: pickText(s.name, lang) }))}
        />
      </div>
      {offered === null ? <Status>{t('openCase.typesLoading')}</Status> : null}
      {offered?.length === 0 ? <p className="govgr-body mr-notice">{t('openCase.noTypes')}</p> : null}
      {offered?.length ? (
        <Select
          id="open-case-type"
          label={t('case.type')}
          hint={t('openCase.typeHint')}
          value={type}
          error={errorOf(FIELDS['body.type'])}
          onChange={setType}
          options={offered.map((o) => ({ value: o.slug, label: pickText(o.name, lang) }))}
        />
      ) : null}
      <Select
        id="open-case-assignee"
        label={t('case.assignedTo')}
        value={assignee}
        error={errorOf(FIELDS['body.assignedTo'])}
        onChange={(v) => setAssignee(v === 'nobody' ? 'nobody' : 'me')}
        options={[
          { value: 'me', label: t('case.me', { name: me.user.displayName }) },
          { value: 'nobody', label: t('case.nobody') },
        ]}
      />
      <TextArea
        id="open-case-summary"
        label={t('case.summaryOptional')}
        value={summary}
        error={errorOf(FIELDS['body.summary'])}
        onChange={setSummary}
      />
      <div className="govgr-button-group mr-actions">
        <button type="submit" className="govgr-btn govgr-btn-primary" disabled={busy || !type}>
          {t('openCase.submit')}
        </button>
        <button type="button" className="govgr-btn govgr-btn-secondary" onClick={onCancel}>
          {t('person.cancel')}
        </button>
      </div>
    </form>
  );
}
