/**
 * BENCHMARKS.md is written by several benchmarks, each owning its "## " sections and keeping the others':
 * `npm run bench` the report's head and its own sections (writeReport), `npm run bench:load` and
 * `npm run bench:graphql-cost` one section each (writeSection).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/runtime/paths.ts';

export const BENCHMARKS_FILE = join(REPO_ROOT, 'BENCHMARKS.md');

/** The file's text cut before each "## " title: the head first, then one piece a section. */
function sections(): string[] {
  return (existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n').split(/^(?=## )/m);
}

const titleOf = (section: string) => section.split('\n', 1)[0]!.replace(/^## /, '').trim();

/**
 * Writes `text` (the head and the sections `owned` names) in place of the head and of every owned section, and
 * keeps every other section after it, in its order.
 */
export function writeReport(text: string, owned: readonly string[]): void {
  const others = sections().filter((s) => s.startsWith('## ') && !owned.includes(titleOf(s)));
  writeFileSync(BENCHMARKS_FILE, `${[text, ...others].map((s) => s.trimEnd()).join('\n\n')}\n`);
}

/** Replaces the section `text` opens ("## Title", up to the next "## "), or appends it; other sections stay. */
export function writeSection(text: string): void {
  const title = /^## (.*)$/m.exec(text)?.[1]?.trim();
  if (!title) throw new Error('a section starts with its "## " title');
  const all = sections();
  const at = all.findIndex((s) => s.startsWith('## ') && titleOf(s) === title);
  if (at === -1) all.push(text);
  else all[at] = text;
  writeFileSync(BENCHMARKS_FILE, `${all.map((s) => s.trimEnd()).join('\n\n')}\n`);
}
