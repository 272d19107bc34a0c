import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { TAuditEvent } from '../../../shared/auth.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { SelectField, Status, TextField } from '../components.js';
import { AuditAlerts } from './AuditAlerts.js';

const UUID = /^[0-9a-f-]{36}$/i;

/** The data-protection officer's search: who accessed a person, what a user did. */
export function AuditPage() {
  const { t, lang } = useStaffI18n();
  const [person, setPerson] = useState('');
  const [user, setUser] = useState('');
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ items: TAuditEvent[]; total: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });

  async function search(event?: SyntheticEvent) {
    event?.preventDefault();
    const params = new URLSearchParams({ limit: '100' });
    if (UUID.test(person.trim())) params.set('person', person.trim());
    if (UUID.test(user.trim())) params.set('user', user.trim());
    if (action.trim()) params.set('action', action.trim());
    if (outcome) params.set('outcome', outcome);
    // datetime-local gives the browser's local time; the API takes an instant.
    if (from) params.set('from', new Date(from).toISOString());
    if (to) params.set('to', new Date(to).toISOString());
    const r = await api<{ items: TAuditEvent[]; total: number }>('GET', `/audit?${params.toString()}`);
    if (r.ok) {
      setResult(r.data);
      setFailed(null);
    } else setFailed(r.problem?.status === 403 ? t('common.forbidden') : (r.problem?.detail ?? t('common.network')));
  }

  return (
    <>
      <h1 className="govgr-heading-xl">{t('audit.heading')}</h1>
      <p className="govgr-body">{t('audit.intro')}</p>
      <form onSubmit={(e) => void search(e)} className="mr-filters" noValidate>
        <TextField id="audit-person" label={t('audit.person')} value={person} onChange={setPerson} />
        <TextField id="audit-user" label={t('audit.user')} value={user} onChange={setUser} />
        <TextField id="audit-action" label={t('audit.action')} value={action} onChange={setAction} />
        <SelectField
          id="audit-outcome"
          label={t('audit.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={[
            { value: '', label: t('audit.any') },
            { value: 'success', label: t('audit.success') },
            { value: 'denied', label: t('audit.denied') },
            { value: 'failure', label: t('audit.failure') },
          ]}
        />
        <TextField id="audit-from" label={t('audit.from')} value={from} onChange={setFrom} type="datetime-local" />
        <TextField id="audit-to" label={t('audit.to')} value={to} onChange={setTo} type="datetime-local" />
        <button type="submit" className="govgr-btn govgr-btn-primary">
          {t('audit.submit')}
        </button>
      </form>
      {failed ? <p className="govgr-body mr-notice mr-notice--error">{failed}</p> : null}
      {result ? <Status>{t('audit.count', { count: result.total })}</Status> : null}
      {result && result.items.length === 0 ? <p className="govgr-body">{t('audit.empty')}</p> : null}
      {result && result.items.length > 0 ? (
        <div className="mr-table-wrap">
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.outcome')}</th>
                <th scope="col">{t('audit.request')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((e) => (
                <tr key={e.id}>
                  <td>{time.format(new Date(e.at))}</td>
                  <td>{e.actorLabel}</td>
                  <td>{e.action}</td>
                  <td>{e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : t('common.none')}</td>
                  <td>{t(`audit.${e.outcome}`)}</td>
                  <td>
                    <code>{e.requestId ?? t('common.none')}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AuditAlerts />
    </>
  );
}
