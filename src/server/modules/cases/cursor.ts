import { ProblemError } from '../../platform/http/problem.js';

/** A position in a list ordered newest first: the time and id of the last row of a page. */
export interface Position {
  at: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The opaque cursor of a position (base64url of "time|id"); it names rows, never persons. */
export function encodeCursor(p: Position): string {
  return Buffer.from(`${p.at}|${p.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or 400 when it is not one of ours. */
export function decodeCursor(cursor: string | undefined): Position | null {
  if (cursor === undefined) return null;
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !ISO.test(at) || !UUID.test(id)) {
    throw new ProblemError(400, 'problem.validation.title', 'problem.validation.detail', {
      errors: [{ field: 'query.cursor', code: 'invalid_cursor' }],
    });
  }
  return { at, id };
}

/** The page and the cursor of the next one: `rows` were read with one more than the limit. */
export function pageOf<R>(rows: R[], limit: number, position: (r: R) => Position): { page: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { page: rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: last === undefined ? null : encodeCursor(position(last)) };
}
