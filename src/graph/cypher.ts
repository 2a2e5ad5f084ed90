/**
 * Cypher statements live in `cypher/<folder>/<name>.cypher`, one statement per purpose, and are loaded by
 * name. Every statement is read when the process starts (see `loadAllCypher`), so a missing file fails at
 * start-up rather than at the first request. Values are always passed as parameters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');

const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`, for example `cypher('load/upsert-nations')`. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8').trim();
    cache.set(name, text);
  }
  return text;
}

/** Every statement in one folder, in file-name order (used for the schema, whose files are numbered). */
export function cypherFolder(folder: string): { name: string; text: string }[] {
  return readdirSync(join(CYPHER_DIR, folder))
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const name = `${folder}/${file.slice(0, -'.cypher'.length)}`;
      return { name, text: cypher(name) };
    });
}

/** Reads every statement once, so that a missing or unreadable file stops the process at start-up. */
export function loadAllCypher(folders: readonly string[]): number {
  return folders.reduce((count, folder) => count + cypherFolder(folder).length, 0);
}
