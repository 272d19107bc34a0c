import { useEffect, useState } from 'react';
import type { TPersonSummary } from '../../../shared/people/person.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { Status } from '../components.js';
import { Input } from './fields.js';
import { formatBirthDate, fullName, latinName } from './format.js';

/** Finding another registered person by name, to add to a household or to merge with. */
export function PersonPicker(props: { id: string; label: string; exclude: string; onPick: (person: TPersonSummary) => void }) {
  const { t, tp } = useStaffI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<TPersonSummary[] | null>(null);
  const { exclude, onPick } = props;

  useEffect(() => {
    if (!q.trim()) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams({ q: q.trim(), limit: '10' });
      void api<{ items: TPersonSummary[] }>('GET', `/persons?${params.toString()}`, undefined, {
        signal: controller.signal,
      }).then((r) => {
        if (!controller.signal.aborted) setFound(r.ok ? r.data.items.filter((p) => p.id !== exclude) : []);
      });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, exclude]);

  const shown = q.trim() ? found : null;
  return (
    <div className="mr-picker">
      <Input id={props.id} label={props.label} hint={t('persons.searchHint')} type="search" value={q} onChange={setQ} />
      {shown ? <Status>{shown.length ? tp('persons.count', shown.length) : t('persons.noMatch')}</Status> : null}
      {shown && shown.length > 0 ? (
        <ul className="mr-plain-list mr-picker__list">
          {shown.map((p) => {
            const latin = latinName(p);
            const birth = formatBirthDate(p.birthDate, p.birthDateApproximate, t('person.approximate'));
            return (
              <li key={p.id} className="mr-picker__item">
                <span>
                  <strong>{fullName(p)}</strong>
                  {latin ? <span lang="en">{` (${latin})`}</span> : null}
                  {birth ? ` · ${birth}` : ''}
                </span>
                <button type="button" className="govgr-btn govgr-btn-secondary mr-picker__choose" onClick={() => onPick(p)}>
                  {t('persons.choose', { name: fullName(p) })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
