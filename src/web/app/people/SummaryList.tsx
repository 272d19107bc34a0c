import type { ReactNode } from 'react';

/** One row of a summary list; a row whose value is undefined is not drawn at all. */
export interface SummaryRow {
  key: string;
  label: string;
  value: ReactNode | undefined;
}

/** The gov.gr summary list (a description list) of a record's fields. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  const shown = rows.filter((r) => r.value !== undefined);
  if (shown.length === 0) return null;
  return (
    <dl className="govgr-summary-list mr-summary">
      {shown.map((r) => (
        <div className="govgr-summary-list__row" key={r.key}>
          <dt className="govgr-summary-list__key">{r.label}</dt>
          <dd className="govgr-summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
