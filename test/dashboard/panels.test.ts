import { describe, expect, it } from 'vitest';
import { officeText, partiesByNation } from '../../web/src/panels.ts';

const nation = (code: string) => ({ code, name: code });
const record = (code: string, signedOn: string | null, inForceFrom: string | null, leftOn: string | null, standing = true) =>
  ({ nation: nation(code), signedOn, ratifiedOn: null, inForceFrom, leftOn, standing });

describe("the treaty panel's parties", () => {
  it('shows one row per nation, however many records the sources and ATOP phases give', () => {
    const rows = partiesByNation([
      // France in NATO: ATOP's phase 1 and phase 2 (from signature), which the seeds' record outranks (the API
      // marks them not standing), and the seeds' record (entry into force: the treaty's).
      record('FRA', '1949-04-04', '1949-04-04', null, false),
      record('FRA', '1949-04-04', null, null),
      record('FRA', null, '1951-06-19', null, false),
      // Turkey: in ATOP's phase 2 only.
      record('TUR', '1951-10-22', '1951-10-22', null),
      // Egypt in ATOP 3015: out from 1979 to 1989, a member again since.
      record('EGY', '1945-03-22', '1945-03-22', '1979-03-31'),
      record('EGY', null, '1989-05-22', null),
      // West Germany: one record, ended.
      record('XGFR', '1954-10-23', '1954-10-23', '1990-10-03'),
      // A nation with two ended records keeps the later end.
      record('XYZ', '1950', '1950', '1960-01-01'),
      record('XYZ', null, '1955', '1970-01-01'),
    ], '1949-08-24');
    expect(rows.map((r) => [r.nation.code, r.signedOn, r.inForceFrom, r.leftOn])).toEqual([
      ['FRA', '1949-04-04', '1949-08-24', null],
      ['TUR', '1951-10-22', '1951-10-22', null],
      ['EGY', '1945-03-22', '1945-03-22', null],
      ['XGFR', '1954-10-23', '1954-10-23', '1990-10-03'],
      ['XYZ', '1950', '1950', '1970-01-01'],
    ]);
  });

  it("takes the treaty's entry into force for a record without its own", () => {
    expect(partiesByNation([record('PRK', '2024-06-19', null, null)], '2024-12-04')[0]).toMatchObject({ inForceFrom: '2024-12-04' });
  });
});

describe("a tenure's office, as the panels word it", () => {
  it('adds the roles an office name does not say, and the acting mark', () => {
    expect(officeText({ office: 'President of the United States', roles: ['HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT'], acting: null }))
      .toBe('President of the United States (head of state and government)');
    expect(officeText({ office: 'President of the Russian Federation', roles: ['HEAD_OF_STATE'], acting: null }))
      .toBe('President of the Russian Federation (head of state)');
    expect(officeText({ office: 'President of the Russian Federation', roles: [], acting: true }))
      .toBe('President of the Russian Federation (acting)');
    expect(officeText({ office: 'Premier', roles: ['HEAD_OF_GOVERNMENT'], acting: true })).toBe('Premier (head of government, acting)');
  });

  it("does not repeat a role that is the office's name, as Wikidata's records are", () => {
    expect(officeText({ office: 'head of state', roles: ['HEAD_OF_STATE'], acting: null })).toBe('head of state');
    expect(officeText({ office: 'Secretary General', roles: [], acting: null })).toBe('Secretary General');
  });
});
