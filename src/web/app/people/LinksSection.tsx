import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { LINK_REASONS } from '../../../shared/people/lists.js';
import type { TPerson } from '../../../shared/people/person.js';
import type { TLinkEvent } from '../../../shared/people/registry.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { useItems } from './useItems.js';
import { ErrorSummary, Status, type FormError } from '../components.js';
import { TextArea } from './fields.js';
import { formatDate, formatPercent } from './format.js';
import { MergeSection } from './MergeSection.js';

const SYSTEM_REASONS = new Set<string>(Object.values(LINK_REASONS));

/**
 * The append-only log of links between this record and others (merges, their undoing, pairs
 * marked as different people), with unmerge and merge for those holding person.merge.
 */
export function LinksSection({
  person,
  canMerge,
  onChanged,
}: {
  person: TPerson;
  canMerge: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useStaffI18n();
  const { items, failed, load } = useItems<TLinkEvent>(`/persons/${person.id}/links`);
  // Those who may not read the log see no section rather than an error.
  const hidden = failed !== null;
  const [message, setMessage] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function unmerge(event: SyntheticEvent) {
    event.preventDefault();
    if (!undoing) return;
    if (reason.trim().length < 3) {
      setErrors([{ field: 'unmerge-reason', text: t('merge.reasonShort') }]);
      return;
    }
    setBusy(true);
    const r = await api<TPerson>('POST', `/persons/${person.id}/unmerge`, { link: undoing, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) {
      setErrors([{ text: r.problem?.detail || t('common.network') }]);
      return;
    }
    setUndoing(null);
    setReason('');
    setErrors([]);
    setMessage(t('merge.unmerged'));
    await onChanged();
    await load();
  }

  if (hidden && !canMerge) return null;
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  return (
    <section className="mr-section" aria-labelledby="links-heading">
      <h2 className="govgr-heading-m" id="links-heading">
        {t('merge.logHeading')}
      </h2>
      {message ? <Status>{message}</Status> : null}
      {items && items.length === 0 ? <p className="govgr-body">{t('merge.logEmpty')}</p> : null}
      {items && items.length > 0 ? (
        <div className="mr-table-wrap">
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t('merge.logCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('merge.at')}</th>
                <th scope="col">{t('merge.action')}</th>
                <th scope="col">{t('merge.with')}</th>
                <th scope="col">{t('intake.match.score')}</th>
                <th scope="col">{t('merge.actor')}</th>
                <th scope="col">{t('merge.reason')}</th>
                {canMerge ? <th scope="col">{t('household.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const otherId = e.a === person.id ? e.b : e.a;
                return (
                  <tr key={e.id}>
                    <td>{`${formatDate(e.at)} ${time.format(new Date(e.at))}`}</td>
                    <th scope="row">
                      {t(`merge.action.${e.action}` as StaffKey)}
                      {e.undone ? ` (${t('merge.undone')})` : ''}
                    </th>
                    <td>
                      <code>{otherId.slice(0, 8)}</code>
                    </td>
                    <td>{e.score === null ? t('common.none') : formatPercent(e.score, lang)}</td>
                    <td>{e.actor}</td>
                    <td>
                      {e.reason === null
                        ? t('common.none')
                        : SYSTEM_REASONS.has(e.reason)
                          ? t(`merge.reasonCode.${e.reason}` as StaffKey)
                          : e.reason}
                    </td>
                    {canMerge ? (
                      <td>
                        {e.action === 'link' && !e.undone ? (
                          <button
                            type="button"
                            className="govgr-btn govgr-btn-secondary mr-btn-small"
                            onClick={() => {
                              setUndoing(e.id);
                              window.setTimeout(() => document.getElementById('unmerge-reason')?.focus(), 0);
                            }}
                          >
                            {t('merge.unmerge')}
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {undoing ? (
        <form className="mr-subform" onSubmit={(e) => void unmerge(e)} noValidate aria-labelledby="unmerge-heading">
          <h3 className="govgr-heading-s" id="unmerge-heading">
            {t('merge.unmergeHeading')}
          </h3>
          <ErrorSummary title={t('common.errorSummary')} errors={errors} />
          <TextArea
            id="unmerge-reason"
            label={t('merge.reason')}
            value={reason}
            onChange={setReason}
            error={errors.find((x) => x.field === 'unmerge-reason')?.text}
          />
          <div className="govgr-button-group">
            <button type="submit" className="govgr-btn govgr-btn-warning" disabled={busy}>
              {t('merge.unmergeConfirm')}
            </button>
            <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setUndoing(null)}>
              {t('person.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {canMerge ? (
        <MergeSection
          person={person}
          onMerged={async () => {
            setMessage(t('merge.merged'));
            await onChanged();
            await load();
          }}
        />
      ) : null}
    </section>
  );
}
