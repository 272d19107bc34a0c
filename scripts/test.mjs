#!/usr/bin/env node
// The whole test command: environment, lint, formatting, types, dependency rules, web build, then
// every Vitest project (unit, int-pglite, int-postgres, e2e). Stops at the first failing step and
// ends with a line "N passed, N failed". Extra arguments go to vitest (npm test -- --project unit).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitestArgs = process.argv.slice(2);
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-test-')), 'vitest.json');

const steps = [
  ['environment (Chromium, PostgreSQL)', process.execPath, [path.join(root, 'scripts/ensure-test-env.mjs')]],
  ['lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['formatting (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['types (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['dependency rules (dependency-cruiser)', bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs']],
  ['web build (vite)', bin('vite'), ['build', '--logLevel', 'warn']],
  [
    'tests (vitest)',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
  ],
];

function summary() {
  if (!fs.existsSync(report)) return null;
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  return `${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

for (const [label, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} failed after ${seconds} s`);
    const line = summary();
    console.log(line ?? '0 passed, 1 failed');
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds} s)`);
}
const line = summary();
if (!line) {
  console.error('No test report was written.');
  process.exit(1);
}
console.log(`\n${line}`);
if (!line.includes(' passed, 0 failed') || line.startsWith('0 passed')) process.exit(1);
