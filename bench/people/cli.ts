// Writes a synthetic population as CSV, with an optional ground-truth CSV beside it.
// Usage: npx tsx bench/people/cli.ts --persons 100000 --seed 42 --out /tmp/people.csv
//          [--truth /tmp/people-truth.csv] [--duplicate-rate 0.25] [--shuffle-window 50000]
// Rows are shuffled within a sliding window (default 50,000 rows) so that a person's registrations are not
// adjacent in the file: row order would otherwise give the answer away. --shuffle-window 0 keeps them together.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { RECORD_HEADER, recordLine, TRUTH_HEADER, truthLine } from './csv.js';
import { CORRUPTION_CODES, generatePopulation, type CorruptionCode, type SyntheticRecord } from './generate.js';
import { Rng } from './rng.js';

// Batches lines into large writes and waits for the stream to drain, so memory stays flat at any size.
class BufferedWriter {
  private chunk: string[] = [];
  private size = 0;

  constructor(private readonly stream: WriteStream) {}

  async line(text: string): Promise<void> {
    this.chunk.push(text);
    this.size += text.length + 1;
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const data = this.chunk.join('\n') + '\n';
    this.chunk = [];
    this.size = 0;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}

// A bounded shuffle: hold `size` records and release a random one for each one that comes in.
function* windowShuffle(records: Iterable<SyntheticRecord>, size: number, rng: Rng): Generator<SyntheticRecord> {
  if (size <= 1) {
    yield* records;
    return;
  }
  const window: SyntheticRecord[] = [];
  for (const record of records) {
    if (window.length < size) {
      window.push(record);
      continue;
    }
    const i = rng.int(0, size - 1);
    yield window[i] as SyntheticRecord;
    window[i] = record;
  }
  yield* rng.shuffle(window);
}

function numberOption(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      truth: { type: 'string' },
      'duplicate-rate': { type: 'string' },
      'shuffle-window': { type: 'string' },
    },
    strict: true,
  });
  if (!values.out) throw new Error('--out is required');
  const persons = numberOption(values.persons, 'persons');
  const seed = numberOption(values.seed, 'seed');
  const duplicateRate = numberOption(values['duplicate-rate'], 'duplicate-rate', 0.25);
  const shuffleWindow = numberOption(values['shuffle-window'], 'shuffle-window', 50_000);

  const started = performance.now();
  const out = new BufferedWriter(createWriteStream(values.out, { encoding: 'utf8' }));
  const truth = values.truth ? new BufferedWriter(createWriteStream(values.truth, { encoding: 'utf8' })) : null;
  await out.line(RECORD_HEADER);
  await truth?.line(TRUTH_HEADER);

  const counts = new Map<CorruptionCode, number>(CORRUPTION_CODES.map((c) => [c, 0]));
  const perPerson = new Map<string, number>();
  let rows = 0;
  // Statistics are taken before the shuffle, where a person's records are still consecutive.
  const counted = function* (records: Iterable<SyntheticRecord>): Generator<SyntheticRecord> {
    let current = '';
    let run = 0;
    for (const r of records) {
      rows++;
      for (const c of r.corruptions) counts.set(c, (counts.get(c) ?? 0) + 1);
      if (r.truthPersonId !== current) {
        if (run > 0) perPerson.set(String(run), (perPerson.get(String(run)) ?? 0) + 1);
        current = r.truthPersonId;
        run = 0;
      }
      run++;
      yield r;
    }
    if (run > 0) perPerson.set(String(run), (perPerson.get(String(run)) ?? 0) + 1);
  };

  const records = windowShuffle(
    counted(generatePopulation({ persons, seed, duplicateRate })),
    shuffleWindow,
    new Rng(seed).fork('shuffle'),
  );
  for (const r of records) {
    await out.line(recordLine(r));
    await truth?.line(truthLine(r));
  }
  await out.close();
  await truth?.close();

  let pairs = 0;
  let people = 0;
  let duplicated = 0;
  for (const [k, n] of perPerson) {
    const size = Number(k);
    people += n;
    pairs += (n * size * (size - 1)) / 2;
    if (size > 1) duplicated += n;
  }
  const seconds = (performance.now() - started) / 1000;
  const codes = [...counts].map(([c, n]) => `${c}=${n}`).join(' ');
  process.stderr.write(
    `rows=${rows} persons=${people} duplicated=${duplicated} (${((100 * duplicated) / Math.max(1, people)).toFixed(1)}%) ` +
      `duplicate_pairs=${pairs} ${codes} seconds=${seconds.toFixed(2)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
