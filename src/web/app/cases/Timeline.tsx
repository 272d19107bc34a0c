import { useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import { ENTRY_KINDS, type EntryKind } from '../../../shared/cases/lists.js';
import type { TEntry } from '../../../shared/cases/timeline.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Status } from '../components.js';
import { Select } from '../people/fields.js';
import { CursorPager } from './CursorPager.js';
import { EntryItem } from './EntryItem.js';
import { canCorrect } from './format.js';
import { kindLabel } from './labels.js';
import { NoteForm } from './NoteForm.js';
import { useCursorPage } from './useCursorPage.js';

interface Page {
  items: TEntry[];
  hidden: number;
  nextCursor: string | null;
}

/**
 * A case's timeline, newest first, a page at a time and optionally one kind only. Entries the
 * reader is not cleared for are counted, not shown. Active cases take new notes; the author
 * corrects a note of theirs within 24 hours, and both versions stay in the history.
 */
export function Timeline(props: { caseId: string; me: TMe; canWrite: boolean; onChanged: () => void }) {
  const { t, tp } = useStaffI18n();
  const { caseId, me, canWrite } = props;
  const [kind, setKind] = useState<EntryKind | ''>('');
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const params = new URLSearchParams({ limit: '20' });
  if (kind) params.set('kind', kind);
  const list = useCursorPage<Page>(`/cases/${caseId}/timeline?${params.toString()}`);
  const items = list.data?.items ?? null;

  function changed(text: string) {
    setCorrecting(null);
    setMessage(text);
    list.restart();
    props.onChanged();
  }

  return (
    <section className="mr-section" aria-labelledby="timeline-heading">
      <h2 className="govgr-heading-m" id="timeline-heading">
        {t('timeline.heading')}
      </h2>
      {message ? <Status>{message}</Status> : null}
      {canWrite ? (
        <>
          <h3 className="govgr-heading-s">{t('note.heading')}</h3>
          <NoteForm caseId={caseId} clearances={me.clearances} idPrefix="note" onDone={changed} />
        </>
      ) : null}
      <Select
        id="timeline-kind"
        label={t('timeline.kindFilter')}
        value={kind}
        onChange={(v) => setKind(ENTRY_KINDS.find((k) => k === v) ?? '')}
        options={[
          { value: '', label: t('timeline.allKinds') },
          ...ENTRY_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) })),
        ]}
      />
      {list.failed ? <p className="govgr-body mr-notice mr-notice--error">{list.failed}</p> : null}
      {items === null && !list.failed ? <Status>{t('common.loading')}</Status> : null}
      {list.data && list.data.hidden > 0 ? (
        <p className="govgr-body mr-notice">{tp('timeline.hidden', list.data.hidden)}</p>
      ) : null}
      {items && items.length === 0 ? <p className="govgr-body">{t('timeline.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ol className="mr-plain-list mr-timeline" aria-labelledby="timeline-heading">
          {items.map((entry) => (
            <EntryItem
              key={entry.id}
              entry={entry}
              correctsAt={entry.corrects ? (items.find((e) => e.id === entry.corrects)?.createdAt ?? null) : null}
              action={
                canWrite && correcting === entry.id ? (
                  <NoteForm
                    caseId={caseId}
                    clearances={me.clearances}
                    idPrefix={`correct-${entry.id}`}
                    correcting={entry}
                    onDone={changed}
                    onCancel={() => setCorrecting(null)}
                  />
                ) : canWrite && canCorrect(entry, me.user.id, items) ? (
                  <button
                    type="button"
                    className="govgr-btn govgr-btn-secondary mr-btn-small"
                    onClick={() => {
                      setCorrecting(entry.id);
                      // The form opens in place of the button; the keyboard goes to its text.
                      window.setTimeout(() => document.getElementById(`correct-${entry.id}-text`)?.focus(), 0);
                    }}
                  >
                    {t('note.correct')}
                  </button>
                ) : null
              }
            />
          ))}
        </ol>
      ) : null}
      <CursorPager label={t('timeline.paging')} list={list} />
    </section>
  );
}
