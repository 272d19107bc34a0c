/**
 * A streaming RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks;
 * CRLF and LF both end a record; a UTF-8 byte-order mark is skipped. Yields each record with the
 * line number it starts on, so that a bad row can be reported by its line.
 */
export async function* readCsv(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let start = 1;
  let first = true;
  let pendingCr = false;
  let carry = '';
  for await (const chunk of chunks) {
    let text = carry + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    carry = '';
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] ?? '';
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch !== '"') {
          if (ch === '\n') line++;
          field += ch;
        } else if (i + 1 === text.length) {
          // A quote at the end of a chunk: a doubled quote or the end of the field? The next chunk tells.
          carry = '"';
        } else if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
        continue;
      }
      if (ch === '"' && field.length === 0) {
        quoted = true;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        fields.push(field);
        yield { line: start, fields };
        fields = [];
        field = '';
        line++;
        start = line;
        pendingCr = ch === '\r';
      } else {
        field += ch;
      }
    }
  }
  if (carry === '"') quoted = false;
  if (field.length > 0 || fields.length > 0) {
    fields.push(field);
    yield { line: start, fields };
  }
}
