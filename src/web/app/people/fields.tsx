/**
 * Form controls of the people screens in the gov.gr style, each with its label, an optional hint
 * and its own error message (the error summary at the top of the form links to them).
 */
import type { ReactNode } from 'react';

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p className="mr-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="govgr-error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled text input with its error. */
export function Input(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'date' | 'email' | 'tel' | 'search' | 'number';
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'tel' | 'email';
    className?: string;
  },
) {
  return (
    <div className={`govgr-field mr-field${props.error ? ' govgr-field__error' : ''}`}>
      <label className="govgr-label" htmlFor={props.id}>
        {props.label}
      </label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <input
        className={`govgr-input${props.className ? ` ${props.className}` : ''}`}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/** A labelled multi-line text with its error. */
export function TextArea(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <div className={`govgr-field mr-field${props.error ? ' govgr-field__error' : ''}`}>
      <label className="govgr-label" htmlFor={props.id}>
        {props.label}
      </label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <textarea
        className="govgr-textarea"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 3}
        value={props.value}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/** A labelled select with its error. */
export function Select(
  props: Common & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] },
) {
  return (
    <div className={`govgr-field mr-field${props.error ? ' govgr-field__error' : ''}`}>
      <label className="govgr-label" htmlFor={props.id}>
        {props.label}
      </label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <select
        id={props.id}
        name={props.id}
        className="govgr-select mr-select"
        value={props.value}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
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

/** A group of controls under one legend (radios, checkboxes). */
export function Fieldset(props: Common & { children: ReactNode; inline?: boolean }) {
  return (
    <div className={`govgr-field mr-field${props.error ? ' govgr-field__error' : ''}`}>
      <fieldset className="govgr-fieldset" id={props.id} aria-describedby={describedBy(props.id, props.hint, props.error)}>
        <legend className="govgr-fieldset__legend govgr-label mr-legend">{props.label}</legend>
        <HintAndError id={props.id} hint={props.hint} error={props.error} />
        <div className={props.inline ? 'mr-choices mr-choices--inline' : 'mr-choices'}>{props.children}</div>
      </fieldset>
    </div>
  );
}

/** One radio button of a Fieldset. */
export function Radio(props: { id: string; name: string; label: string; checked: boolean; onChange: () => void }) {
  return (
    <div className="govgr-radios__item">
      <input
        className="govgr-radios__input"
        type="radio"
        id={props.id}
        name={props.name}
        checked={props.checked}
        onChange={props.onChange}
      />
      <label className="govgr-label govgr-radios__label" htmlFor={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/** One checkbox. */
export function Checkbox(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <div className="govgr-checkboxes__item">
      <input
        className="govgr-checkboxes__input"
        type="checkbox"
        id={props.id}
        name={props.id}
        checked={props.checked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label className="govgr-label govgr-checkboxes__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p className="mr-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
