import { useState } from 'react';
import type { THousehold } from '../../../shared/people/registry.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { Link } from '../../portal/router.js';
import { api } from '../api.js';
import { useItems } from './useItems.js';
import { Status } from '../components.js';
import { Input, Select } from './fields.js';
import { formatDate, fullName, today } from './format.js';
import { HouseholdAddMember } from './HouseholdAddMember.js';
import { RELATIONSHIPS, type Relationship } from '../../../shared/people/lists.js';

/** The households a person belongs or belonged to: members now and before, joining and leaving over time. */
export function HouseholdSection({ personId, canUpdate }: { personId: string; canUpdate: boolean }) {
  const { t } = useStaffI18n();
  const { items, failed, load } = useItems<THousehold>(`/persons/${personId}/households`);
  const [message, setMessage] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<{ household: string; person: string; to: string } | null>(null);
  const [ownRole, setOwnRole] = useState<Relationship>('head');
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    const r = await api<THousehold>('POST', '/households', { members: [{ person: personId, relationship: ownRole }] });
    setBusy(false);
    setMessage(r.ok ? t('household.created') : r.problem?.detail || t('common.network'));
    await load();
  }

  async function leave() {
    if (!leaving) return;
    setBusy(true);
    const r = await api<THousehold>('POST', `/households/${leaving.household}/members/${leaving.person}/leave`, {
      ...(leaving.to ? { to: leaving.to } : {}),
    });
    setBusy(false);
    setLeaving(null);
    setMessage(r.ok ? t('household.left') : r.problem?.detail || t('common.network'));
    await load();
  }

  return (
    <section className="mr-section" aria-labelledby="households-heading">
      <h2 className="govgr-heading-m" id="households-heading">
        {t('household.heading')}
      </h2>
      {failed ? <p className="govgr-body mr-notice mr-notice--error">{failed}</p> : null}
      {message ? <Status>{message}</Status> : null}
      {items && items.length === 0 ? <p className="govgr-body">{t('household.none')}</p> : null}
      {items && items.length === 0 && canUpdate ? (
        <div className="mr-subform">
          <Select
            id="hh-own-role"
            label={t('household.ownRole')}
            value={ownRole}
            onChange={(v) => setOwnRole(v as Relationship)}
            options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`household.rel.${r}` as StaffKey) }))}
          />
          <button type="button" className="govgr-btn govgr-btn-secondary" disabled={busy} onClick={() => void create()}>
            {t('household.create')}
          </button>
        </div>
      ) : null}
      {(items ?? []).map((h, index) => {
        const members = [...h.members].sort((a, b) => Number(a.to !== null) - Number(b.to !== null));
        return (
          <div key={h.id} className="mr-household">
            <div className="mr-table-wrap">
              <table className="govgr-table">
                <caption className="govgr-table__caption">{t('household.caption', { n: index + 1 })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('household.member')}</th>
                    <th scope="col">{t('household.relationship')}</th>
                    <th scope="col">{t('household.from')}</th>
                    <th scope="col">{t('household.to')}</th>
                    {canUpdate ? <th scope="col">{t('household.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr key={`${m.person.id}-${m.from}`}>
                      <th scope="row">
                        {m.person.id === personId ? (
                          fullName(m.person)
                        ) : (
                          <Link to={`/app/persons/${m.person.id}`} className="govgr-link">
                            {fullName(m.person)}
                          </Link>
                        )}
                      </th>
                      <td>{t(`household.rel.${m.relationship}` as StaffKey)}</td>
                      <td>{formatDate(m.from)}</td>
                      <td>{m.to ? formatDate(m.to) : t('household.current')}</td>
                      {canUpdate ? (
                        <td>
                          {m.to === null ? (
                            <button
                              type="button"
                              className="govgr-btn govgr-btn-secondary mr-btn-small"
                              onClick={() => {
                                setLeaving({ household: h.id, person: m.person.id, to: today() });
                                // The confirmation appears below the table; the keyboard goes there with it.
                                window.setTimeout(() => document.getElementById('hh-leave-to')?.focus(), 0);
                              }}
                            >
                              {t('household.leave', { name: fullName(m.person) })}
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {leaving && leaving.household === h.id ? (
              <div className="mr-notice mr-subform" role="group" aria-labelledby="hh-leave-title">
                <p className="govgr-body mr-notice__title" id="hh-leave-title">
                  {t('household.leaveConfirm', {
                    name: fullName(
                      h.members.find((m) => m.person.id === leaving.person)?.person ?? { givenName: '', familyName: '' },
                    ),
                  })}
                </p>
                <Input
                  id="hh-leave-to"
                  label={t('household.to')}
                  type="date"
                  value={leaving.to}
                  onChange={(to) => setLeaving({ ...leaving, to })}
                  className="mr-input-date"
                />
                <div className="govgr-button-group">
                  <button type="button" className="govgr-btn govgr-btn-warning" disabled={busy} onClick={() => void leave()}>
                    {t('household.leaveSubmit')}
                  </button>
                  <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => setLeaving(null)}>
                    {t('person.cancel')}
                  </button>
                </div>
              </div>
            ) : null}
            {canUpdate ? (
              <HouseholdAddMember
                household={h}
                personId={personId}
                onDone={() => {
                  setMessage(t('household.added'));
                  void load();
                }}
              />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
