import type { ReactNode } from 'react';

/** The gov.gr warning text: an exclamation mark for the eye, the word "Warning" for screen readers. */
export function Warning({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govgr-warning-text mr-warning">
      <span className="govgr-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govgr-warning-text__text">
        <span className="govgr-warning-text__assistive">{label}: </span>
        {children}
      </strong>
    </div>
  );
}
