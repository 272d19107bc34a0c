import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/** A form error: the message and the id of the field it is about. */
export interface FormError {
  field?: string;
  text: string;
}

/** The gov.gr error summary at the top of a form, focused when it appears, linking to each field. */
export function ErrorSummary({ title, errors }: { title: string; errors: FormError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govgr-error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 className="govgr-heading-m" id="error-summary-title">
        {title}
      </h2>
      <ul className="mr-plain-list">
        {errors.map((e) => (
          <li key={`${e.field ?? ''}${e.text}`}>{e.field ? <a href={`#${e.field}`}>{e.text}</a> : e.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled text input in the gov.gr style. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  hint?: string;
  inputMode?: 'numeric' | 'text';
  error?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className={`govgr-field mr-field${props.error ? ' govgr-field__error' : ''}`}>
      <label className="govgr-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p className="mr-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <input
        className="govgr-input"
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-describedby={hintId}
        aria-invalid={props.error ? true : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

/** A status line read out by screen readers when it changes. */
export function Status({ children }: { children: ReactNode }) {
  return (
    <p className="govgr-body" role="status" aria-live="polite">
      {children}
    </p>
  );
}

/** A labelled select in the gov.gr style. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="govgr-field mr-field">
      <label className="govgr-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.id}
        className="govgr-select mr-select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
