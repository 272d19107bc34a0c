#!/usr/bin/env node
// Makes sure what `npm test` needs beyond npm is on the machine: Debian's Chromium for the browser
// journeys and PostgreSQL (≥ 15) server binaries for the integration suite on a real server.
// As root it installs what is missing with apt-get; otherwise it says what to install.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPostgres = () =>
  fs.existsSync('/usr/lib/postgresql') &&
  fs.readdirSync('/usr/lib/postgresql').some((v) => Number(v) >= 15 && fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

const missing = [];
if (!fs.existsSync(chromium)) missing.push('chromium');
if (!hasPostgres()) missing.push('postgresql');
if (missing.length === 0) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(
    `npm test needs these Debian packages: ${missing.join(' ')}\nInstall them: sudo apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
if (missing.includes('postgresql')) {
  // Debian starts a cluster on install; the tests start their own server, so stop that one.
  try {
    execFileSync('service', ['postgresql', 'stop'], { stdio: 'ignore' });
  } catch {
    /* no init system: nothing was started */
  }
}
