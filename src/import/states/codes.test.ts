import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA } from '../../../test/import/data.ts';
import { IssueLog } from '../engine/issues.ts';
import { NATION_CODE, stateCode } from './codes.ts';
import { readStates } from './read.ts';

describe('stateCode', () => {
  it('takes an override first, then the crosswalk ISO code, then X + the COW abbreviation', () => {
    expect(stateCode(345, 'YUG', undefined)).toEqual({ code: 'SRB', source: 'override' });
    expect(stateCode(365, 'RUS', 'RUS')).toEqual({ code: 'RUS', source: 'crosswalk' });
    expect(stateCode(245, 'BAV', undefined)).toEqual({ code: 'XBAV', source: 'cow-abbreviation' });
    expect(NATION_CODE.test('XBAV')).toBe(true);
  });
});

describe.skipIf(!DATA.present)(`the COW states${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
  // Read when the tests run, not when they are collected: a skipped block must not touch missing files.
  const issues = new IssueLog();
  let byCcode: ReturnType<typeof readStates>['byCcode'];
  beforeAll(() => {
    byCcode = readStates(DATA.statesFile, DATA.crosswalkFile, issues).byCcode;
  });

  it('gives all 217 states a code of their own, and a region', () => {
    const states = [...byCcode.values()];
    expect(states).toHaveLength(217);
    expect(new Set(states.map((s) => s.code)).size).toBe(217);
    expect(states.every((s) => NATION_CODE.test(s.code) && s.region)).toBe(true);
    expect(issues.issues).toEqual([]);
  });

  it('is what STATE-CODES.md says, state by state', () => {
    const table = readFileSync(join(import.meta.dirname, '..', 'STATE-CODES.md'), 'utf8')
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, cow, abbr, , , code]) => [Number(cow), abbr, code!.replaceAll('`', '')]);
    expect(table).toEqual([...byCcode.values()].map((s) => [s.ccode, s.abbreviation, s.code]));
  });
});
