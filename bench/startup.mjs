#!/usr/bin/env node
// Start-up time: from spawning `npm start` to /readyz answering 200, on a new data directory and
// on an existing one. Usage: node bench/startup.mjs [runs=3]
// Run `npm run build` once first so that the web build is not counted (npm start builds it when missing).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const port = 3900 + Math.floor(Math.random() * 90);

async function startOnce(dataDir) {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, PORT: String(port), MERIMNA_DATA_DIR: dataDir, MERIMNA_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('not ready within 120 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const results = { fresh: [], existing: [] };
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-bench-'));
  results.fresh.push(await startOnce(dir));
  results.existing.push(await startOnce(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}
const fmt = (xs) =>
  `median ${(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] / 1000).toFixed(2)} s (runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})`;
console.log(`npm start → /readyz 200, new data directory:      ${fmt(results.fresh)}`);
console.log(`npm start → /readyz 200, existing data directory: ${fmt(results.existing)}`);
