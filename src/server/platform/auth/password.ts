import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';

const COMMON_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');
let common: Set<string> | undefined;

/** argon2id (the library's default algorithm; a unit test checks the prefix) with OWASP's parameters (19 MiB, 2 passes). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Checks a password against its stored hash; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Why a new password is refused, or null when it is acceptable. */
export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username';

/** The password policy: 12 to 256 characters, not in the shipped list of common passwords, not the username. */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem | null {
  if (Array.from(password).length < 12) return 'too_short';
  if (password.length > 256) return 'too_long';
  common ??= new Set(
    fs
      .readFileSync(COMMON_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains_username';
  return null;
}
