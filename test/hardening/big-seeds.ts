/**
 * A seed folder large enough for a load to be caught in the middle: the real seeds, plus `extra` generated
 * nations (each a Nation, a Period, their EXISTED and two CITES), written to a temporary folder.
 */
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';

/** An X-prefixed Entente code for the i-th generated nation: X and four base-36 characters. */
function code(i: number): string {
  return `X${i.toString(36).toUpperCase().padStart(4, '0')}`;
}

export function writeBigSeeds(extra: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-big-seeds-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  const lines: string[] = ['', '# Generated for the loader-fault test.'];
  for (let i = 0; i < extra; i += 1) {
    lines.push(
      `- code: ${code(i)}`,
      `  name: Generated Nation ${i}`,
      '  region: Nowhere',
      '  periods:',
      '    - from: 1991-01-01',
      '      sources: [cow-states-2016]',
      '  sources: [cow-states-2016]',
    );
  }
  appendFileSync(path.join(dir, 'nations.yaml'), `${lines.join('\n')}\n`);
  return dir;
}
