/** BENCHMARKS.md is written by several benchmarks, each owning its "## " sections and keeping the others'. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/runtime/paths.ts';

export const BENCHMARKS_FILE = join(REPO_ROOT, 'BENCHMARKS.md');

/** Replaces the section `text` opens ("## Title", up to the next "## "), or appends it; other sections stay. */
export function writeSection(text: string): void {
  const title = /^## .*$/m.exec(text)?.[0];
  if (!title) throw new Error('a section starts with its "## " title');
  const current = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n';
  const sections = current.split(/^(?=## )/m);
  const at = sections.findIndex((s) => s.split('\n', 1)[0]!.trim() === title.trim());
  if (at === -1) sections.push(`\n${text.trimEnd()}\n`);
  else sections[at] = `${text.trimEnd()}\n${at < sections.length - 1 ? '\n' : ''}`;
  writeFileSync(BENCHMARKS_FILE, `${sections.join('').trimEnd()}\n`);
}
