import { useEffect, useState } from 'react';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';

interface Alert {
  userId: string;
  username: string;
  distinctPersons: number;
}

/** Users who read more distinct persons in the last hour than the threshold. */
export function AuditAlerts() {
  const { t } = useStaffI18n();
  const [threshold, setThreshold] = useState(50);
  const [alerts, setAlerts] = useState<Alert[] | null>(null);

  useEffect(() => {
    void api<{ items: Alert[] }>('GET', `/audit/alerts?threshold=${threshold}`).then((r) => setAlerts(r.ok ? r.data.items : []));
  }, [threshold]);

  return (
    <section aria-labelledby="alerts-heading">
      <h2 className="govgr-heading-m" id="alerts-heading">
        {t('audit.alertsHeading')}
      </h2>
      <div className="govgr-field mr-field">
        <label className="govgr-label" htmlFor="alerts-threshold">
          {t('audit.threshold')}
        </label>
        <input
          id="alerts-threshold"
          className="govgr-input mr-input-short"
          type="number"
          min={1}
          value={threshold}
          onChange={(e) => setThreshold(Math.max(1, Number(e.target.value) || 1))}
        />
      </div>
      {alerts && alerts.length === 0 ? <p className="govgr-body">{t('audit.noAlerts')}</p> : null}
      {alerts && alerts.length > 0 ? (
        <table className="govgr-table">
          <caption className="govgr-table__caption">{t('audit.alertsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.distinct')}</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.userId}>
                <th scope="row">{a.username}</th>
                <td>{a.distinctPersons}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
