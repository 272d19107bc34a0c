import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';

async function parse(chunks: string[]) {
  const out: { line: number; fields: string[] }[] = [];
  async function* source() {
    for (const c of chunks) yield c;
  }
  for await (const r of readCsv(source())) out.push(r);
  return out;
}

const encode = (rows: string[][]) =>
  rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n');

describe('the CSV reader', () => {
  it('reads quoted commas, doubled quotes and line breaks, CRLF, a byte-order mark, and the line each record starts on', async () => {
    const rows = await parse(['\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\n3,,']);
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', 'z'] },
      { line: 5, fields: ['3', '', ''] },
    ]);
  });

  it('gives the same records however the text is cut into chunks', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Ω', ',', '"', '\n', ' ', 'ب'), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, cuts) => {
          const text = encode(rows);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
          const whole = (await parse([text])).map((r) => r.fields);
          expect((await parse(chunks.length ? chunks : [text])).map((r) => r.fields)).toEqual(whole);
          expect(whole).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});
