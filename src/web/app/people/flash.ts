/**
 * A one-time message carried to the next page (e.g. "registered" after the intake form), kept in
 * memory only: never in the address, never in storage, so no trace of a person outlives the page.
 */
let pending: string | null = null;

/** Leaves a message for the next page to show. */
export function setFlash(message: string): void {
  pending = message;
}

/** The message left for the next page, if any (read in a state initializer, cleared by clearFlash in an effect). */
export function readFlash(): string | null {
  return pending;
}

/** Forgets the message once a page has shown it. */
export function clearFlash(): void {
  pending = null;
}
