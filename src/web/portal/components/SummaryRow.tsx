import type { ReactNode } from 'react';

/** A row of a gov.gr summary list (a dt/dd pair). */
export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govgr-summary-list__row">
      <dt className="govgr-summary-list__key">{label}</dt>
      <dd className="govgr-summary-list__value">{children}</dd>
    </div>
  );
}
