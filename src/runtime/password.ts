/** The local instance's password: generated once with crypto randomness, kept readable by the owner only. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Reads `<dir>/password`, creating it first when missing. Synchronous so that configuration can be loaded
 * in one step; `wx` makes the creation safe when two processes race to it.
 */
export function localPassword(dir: string): string {
  const file = path.join(dir, 'password');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, `${generatePassword()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
