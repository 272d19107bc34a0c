import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

describe('the data directory lock', () => {
  it('lets one process at a time use the embedded database, and takes over a lock its holder left behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-lock-'));
    const release = lockDataDir(dir);
    // A second open while the first holds it (here: this very process) is refused, with a way out.
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another Merimna process .*DATABASE_URL/);
    release();
    expect(fs.existsSync(path.join(dir, 'merimna.pid'))).toBe(false);
    // A holder killed with SIGKILL leaves its pid file: a pid that no longer runs does not block.
    fs.writeFileSync(path.join(dir, 'merimna.pid'), '2147483646');
    const again = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'merimna.pid'), 'utf8')).toBe(String(process.pid));
    again();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
