import { Link } from '../router.js';

/** The gov.gr back link, with its caret. */
export function BackLink({ to, text }: { to: string; text: string }) {
  return (
    <Link to={to} className="govgr-back-link">
      <svg className="govgr-caret--left" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M15.5 2l2.4 2.3-7.6 7.7 7.6 7.6-2.4 2.4-10-10z" />
      </svg>
      {text}
    </Link>
  );
}
