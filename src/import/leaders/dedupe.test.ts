import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IssueLog } from '../engine/issues.ts';
import { markEnded, readCurrentHolders } from './current.ts';
import { dedupeSpells } from './dedupe.ts';
import { namesByQid, readLeaderSpells } from './read.ts';

const dir = mkdtempSync(join(tmpdir(), 'entente-leaders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEADER = 'iso3,country,role,person,person_qid,start,end,party,end_cause';

function load(...rows: string[]) {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, [HEADER, ...rows].join('\n'));
  const issues = new IssueLog();
  const { spells } = readLeaderSpells(file, issues);
  const tenures = dedupeSpells(file, spells, issues);
  return {
    tenures: tenures.map((t) => [t.nation, t.office, t.from ?? null, t.to ?? null, t.lines]),
    issues: issues.issues.map((i) => `${i.severity} ${i.kind} ${i.row}: ${i.column}`),
  };
}

describe('Wikidata spells', () => {
  it('merges a term stated twice, from the earliest start (Kim Jong-un)', () => {
    expect(load(
      'PRK,Coreia do Norte,head_of_state,Kim Jong-un,Q56226,2011-12-30T00:00:00Z,,WPK,',
      'PRK,Coreia do Norte,head_of_state,Kim Jong-un,Q56226,2011-12-17T00:00:00Z,,WPK,',
    )).toEqual({
      tenures: [['PRK', 'head of state', '2011-12-17', null, [2, 3]]],
      issues: ['notice duplicate-spell 3: start'],
    });
  });

  it('keeps consecutive terms apart (an end day is the first day out of office) and offices apart', () => {
    expect(load(
      'AND,Andorra,head_of_state,A,Q1,1388-03-19T00:00:00Z,1396-01-01T00:00:00Z,,',
      'AND,Andorra,head_of_state,A,Q1,1396-01-01T00:00:00Z,1415-04-24T00:00:00Z,,',
      'AND,Andorra,head_of_government,A,Q1,1396-01-01T00:00:00Z,1415-04-24T00:00:00Z,,',
    ).tenures).toEqual([
      ['AND', 'head of state', '1388-03-19', '1396-01-01', [2]],
      ['AND', 'head of state', '1396-01-01', '1415-04-24', [3]],
      ['AND', 'head of government', '1396-01-01', '1415-04-24', [4]],
    ]);
  });

  it('takes the latest known end of overlapping spells, and drops an undated spell beside a dated one', () => {
    expect(load(
      'ALB,Albania,head_of_state,B,Q2,2017-07-24T00:00:00Z,,,',
      'ALB,Albania,head_of_state,B,Q2,2017-07-24T00:00:00Z,2022-07-24T00:00:00Z,,',
      'ALB,Albania,head_of_state,B,Q2,,,,',
    )).toEqual({
      tenures: [['ALB', 'head of state', '2017-07-24', '2022-07-24', [2, 3]]],
      issues: ['notice duplicate-spell 4: start', 'notice duplicate-spell 3: start'],
    });
  });

  it('keeps a term open when its open spell starts where the others end (Shigeru Ishiba, split at a new cabinet)', () => {
    expect(load(
      'JPN,Japão,head_of_government,Shigeru Ishiba,Q1335527,2024-10-01T00:00:00Z,,NFP | LDP,',
      'JPN,Japão,head_of_government,Shigeru Ishiba,Q1335527,2024-10-01T00:00:00Z,2024-11-11T00:00:00Z,LDP | NFP,',
      'JPN,Japão,head_of_government,Shigeru Ishiba,Q1335527,2024-11-11T00:00:00Z,,LDP | NFP,',
    ).tenures).toEqual([['JPN', 'head of government', '2024-10-01', null, [2, 3, 4]]]);
  });

  it('gives a merged tenure only the end cause of a spell that ends with it', () => {
    const causes = (...rows: string[]) => {
      const file = join(dir, `c${Math.random().toString(36).slice(2)}.csv`);
      writeFileSync(file, [HEADER, ...rows].join('\n'));
      const issues = new IssueLog();
      return dedupeSpells(file, readLeaderSpells(file, issues).spells, issues).map((t) => [t.to ?? null, t.endCause ?? null]);
    };
    // Kishida's first cabinet resigned in 2021; his tenure as head of government ended in 2024 with no cause given.
    expect(causes(
      'JPN,Japão,head_of_government,Fumio Kishida,Q359480,2021-10-04T00:00:00Z,2024-10-01T00:00:00Z,LDP,',
      'JPN,Japão,head_of_government,Fumio Kishida,Q359480,2021-10-04T00:00:00Z,2021-11-10T00:00:00Z,LDP,Cabinet resignation',
      'JPN,Japão,head_of_government,Fumio Kishida,Q359480,2021-11-10T00:00:00Z,2024-10-01T00:00:00Z,LDP,',
    )).toEqual([['2024-10-01', null]]);
    expect(causes(
      'USA,Estados Unidos,head_of_state,Olivia Marsdin,Q96181216,2017-01-01T00:00:00Z,2018-10-01T00:00:00Z,DP,renúncia',
    )).toEqual([['2018-10-01', 'renúncia']]);
  });

  it('drops placeholder and unknown dates with a notice, leaves out spells before the common era, rejects the rest', () => {
    expect(load(
      'NOR,Noruega,head_of_state,Sverre,Q331755,+0000-00-00T00:00:00Z,1202-01-01T00:00:00Z,,',
      'KHM,Camboja,head_of_state,X,Q3,http://www.wikidata.org/.well-known/genid/259c9f,0217-01-01T00:00:00Z,,',
      'ITA,Itália,head_of_state,Y,Q4,-0659-02-11T00:00:00Z,-0584-04-03T00:00:00Z,,',
      'SMR,San Marino,head_of_state,Z,Q5,20254-04-01T00:00:00Z,,,',
      'ESP,Espanha,head_of_government,W,Q6,1921-11-08T00:00:00Z,1921-03-13T00:00:00Z,,',
      'ESP,Espanha,head_of_government,V,Q7,1990-00-00T00:00:00Z,,,',
    )).toEqual({
      tenures: [
        ['NOR', 'head of state', null, '1202-01-01', [2]],
        ['KHM', 'head of state', null, '0217-01-01', [3]],
        ['ESP', 'head of government', '1990', null, [7]],
      ],
      issues: [
        'notice placeholder-date 2: start',
        'notice unknown-date 3: start',
        'notice before-common-era 4: start',
        'notice before-common-era 4: end',
        'error malformed 5: start',
        'error malformed 6: end',
      ],
    });
  });
});

describe("Wikidata's current holders", () => {
  const mark = (current: string[], ...rows: string[]) => {
    const history = join(dir, `h${Math.random().toString(36).slice(2)}.csv`);
    const list = join(dir, `leaders_current_${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(history, [HEADER, ...rows].join('\n'));
    writeFileSync(list, [HEADER, ...current].join('\n'));
    const issues = new IssueLog();
    const { spells } = readLeaderSpells(history, issues);
    const tenures = markEnded(history, list, dedupeSpells(history, spells, issues), readCurrentHolders(list, issues), namesByQid(spells), issues);
    return {
      tenures: tenures.map((t) => [t.qid, t.office, t.from ?? null, t.to ?? null, t.endUnknown ?? false]),
      issues: issues.issues.map((i) => `${i.severity} ${i.kind} ${i.row}: ${i.column}: ${i.message}`),
    };
  };

  it('marks an open tenure the list lacks as over on an unknown date, and leaves listed and closed ones alone', () => {
    const { tenures, issues } = mark(
      ['USA,Estados Unidos,head_of_state,Donald Trump,Q22686,2025-01-20T00:00:00Z,,GOP,'],
      'USA,Estados Unidos,head_of_state,Donald Trump,Q22686,2025-01-20T00:00:00Z,,GOP,',
      'USA,Estados Unidos,head_of_state,Quentin Trembley,Q113227667,1837-01-01T00:00:00Z,,,',
      'USA,Estados Unidos,head_of_government,Donald Trump,Q22686,2025-01-20T00:00:00Z,,GOP,',
      'USA,Estados Unidos,head_of_government,Joe Biden,Q6279,2021-01-20T00:00:00Z,2025-01-20T00:00:00Z,DP,',
    );
    expect(tenures).toEqual([
      ['Q22686', 'head of state', '2025-01-20', null, false],
      ['Q113227667', 'head of state', '1837-01-01', null, true],
      // The list holds Trump as head of state only, so this office's open end is not taken as current.
      ['Q22686', 'head of government', '2025-01-20', null, true],
      ['Q6279', 'head of government', '2021-01-20', '2025-01-20', false],
    ]);
    expect(issues).toEqual([
      expect.stringMatching(/^notice end-unknown 3: end: Quentin Trembley as head of state of USA \(from 1837-01-01\) has no end, but leaders_current_\w+\.csv does not list Q113227667 as a current holder/),
      expect.stringMatching(/^notice end-unknown 4: end: Donald Trump as head of government of USA/),
    ]);
  });

  it('reports a malformed row of the list with file, row and column', () => {
    expect(mark(['USA,Estados Unidos,head_of_state,Nobody,Q0,,,,']).issues).toEqual([
      expect.stringMatching(/^error malformed 2: person_qid: "Q0" is not a Wikidata QID/),
    ]);
  });
});
