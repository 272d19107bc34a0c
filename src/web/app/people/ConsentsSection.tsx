import { useState } from 'react';
import { pickText } from '../../../shared/localized.js';
import type { TConsent } from '../../../shared/people/registry.js';
import { useStaffI18n, type StaffKey } from '../../i18n/staff/index.js';
import { api } from '../api.js';
import { useItems } from './useItems.js';
import { Status } from '../components.js';
import { ConsentForm } from './ConsentForm.js';
import { formatDate } from './format.js';

/** A person's consents per purpose and recipient, with their status; recorded and withdrawn by those who may update. */
export function ConsentsSection({ personId, canUpdate }: { personId: string; canUpdate: boolean }) {
  const { t, lang } = useStaffI18n();
  const { items, failed, load } = useItems<TConsent>(`/persons/${personId}/consents`);
  const [message, setMessage] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function withdraw(id: string) {
    setBusy(true);
    const r = await api<TConsent>('POST', `/consents/${id}/withdraw`, {});
    setBusy(false);
    setWithdrawing(null);
    setMessage(r.ok ? t('consent.withdrawn') : r.problem?.detail || t('common.network'));
    await load();
  }

  const purpose = (c: TConsent) => t(`consent.purpose.${c.purpose}` as StaffKey);
  return (
    <section className="mr-section" aria-labelledby="consents-heading">
      <h2 className="govgr-heading-m" id="consents-heading">
        {t('consent.heading')}
      </h2>
      {failed ? <p className="govgr-body mr-notice mr-notice--error">{failed}</p> : null}
      {message ? <Status>{message}</Status> : null}
      {items && items.length === 0 ? <p className="govgr-body">{t('consent.none')}</p> : null}
      {items && items.length > 0 ? (
        <div className="mr-table-wrap">
          <table className="govgr-table">
            <caption className="govgr-table__caption">{t('consent.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consent.purpose')}</th>
                <th scope="col">{t('consent.recipient')}</th>
                <th scope="col">{t('consent.lawfulBasis')}</th>
                <th scope="col">{t('consent.givenAt')}</th>
                <th scope="col">{t('consent.expiresAt')}</th>
                <th scope="col">{t('consent.status')}</th>
                {canUpdate ? <th scope="col">{t('household.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{purpose(c)}</th>
                  <td>{c.recipient ? pickText(c.recipient.name, lang) : t('consent.anyRecipient')}</td>
                  <td>{t(`consent.basis.${c.lawfulBasis}` as StaffKey)}</td>
                  <td>{formatDate(c.givenAt)}</td>
                  <td>{c.expiresAt ? formatDate(c.expiresAt) : t('consent.noExpiry')}</td>
                  <td>
                    {t(`consent.status.${c.status}` as StaffKey)}
                    {c.withdrawnAt ? ` (${formatDate(c.withdrawnAt)})` : ''}
                  </td>
                  {canUpdate ? (
                    <td>
                      {c.status === 'active' && withdrawing !== c.id ? (
                        <button
                          type="button"
                          className="govgr-btn govgr-btn-secondary mr-btn-small"
                          onClick={() => setWithdrawing(c.id)}
                        >
                          {t('consent.withdraw', { purpose: purpose(c) })}
                        </button>
                      ) : null}
                      {withdrawing === c.id ? (
                        <span
                          role="group"
                          aria-label={t('consent.withdrawConfirm', { purpose: purpose(c) })}
                          className="mr-confirm"
                        >
                          <span className="mr-confirm__text">{t('consent.withdrawConfirm', { purpose: purpose(c) })}</span>
                          <button
                            type="button"
                            className="govgr-btn govgr-btn-warning mr-btn-small"
                            disabled={busy}
                            // The confirmation replaces the button pressed; focus moves onto it rather than being lost.
                            autoFocus
                            onClick={() => void withdraw(c.id)}
                          >
                            {t('consent.withdrawYes')}
                          </button>
                          <button
                            type="button"
                            className="govgr-btn govgr-btn-secondary mr-btn-small"
                            onClick={() => setWithdrawing(null)}
                          >
                            {t('person.cancel')}
                          </button>
                        </span>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canUpdate ? (
        <ConsentForm
          personId={personId}
          onAdded={() => {
            setMessage(t('consent.added'));
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
