/**
 * The seed check: every malformed-seed case below starts from the valid fixture pack (which mirrors the
 * real layout), breaks one thing, and expects exactly these lines, `file:line: path: message`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSeeds } from '../../src/seeds/check.ts';
import { formatProblem } from '../../src/seeds/load.ts';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'valid');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture pack with `edits` applied: file → (text) => new text, or a new file's text. */
function packWith(edits: Record<string, string | ((text: string) => string)>): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-seeds-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    if (typeof edit === 'string') writeFileSync(path, edit);
    else {
      const before = readFileSync(path, 'utf8');
      const after = edit(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing: fix the test`);
      writeFileSync(path, after);
    }
  }
  return dir;
}

function problemsOf(dir: string): string[] {
  return checkSeeds(dir, dir).problems.map(formatProblem);
}

const T = 'treaties/fixture-treaty.yaml';
const replace = (from: string, to: string) => (text: string) => text.replace(from, to);

/** Gives Kim Jong Un (line 9 of the fixture's leaders.yaml) a second tenure, from line 16, holding `holder`. */
const withChairTenure = (holder: string) =>
  replace('      from: 2016-06-29\n      sources: [fixture-source]\n', `      from: 2016-06-29\n      sources: [fixture-source]\n    - office: Chair\n${holder}      from: 2025-01-01\n      sources: [fixture-source]\n`);

const CASES: { name: string; edits: Record<string, string | ((text: string) => string)>; expected: string[] }[] = [
  {
    name: 'an unknown nation code, with a suggestion',
    edits: { [T]: replace('  - nation: PRK\n    signedOn', '  - nation: PRJ\n    signedOn') },
    expected: [`${T}:17: parties[1].nation: unknown nation "PRJ"; did you mean "PRK"?`],
  },
  {
    name: 'a nation code that is not a code',
    edits: { [T]: replace('  - nation: RUS\n    signedOn: 2024-06-19\n    ratifiedOn', '  - nation: Russia\n    signedOn: 2024-06-19\n    ratifiedOn') },
    expected: [`${T}:13: parties[0].nation: must be an ISO 3166-1 alpha-3 code (three capitals) or an X-prefixed Entente code`],
  },
  {
    name: 'a misspelt field, with a suggestion',
    edits: { [T]: replace('signedAt: Pyongyang', 'signedIn: Pyongyang') },
    expected: [`${T}:7: signedIn: unknown field "signedIn"; did you mean "signedOn"?`],
  },
  {
    name: 'a required field missing',
    edits: { [T]: replace('kind: mutual defence treaty\n', '') },
    expected: [`${T}:1: kind: is required`],
  },
  {
    name: 'an impossible date',
    edits: { [T]: replace('enteredIntoForceOn: 2024-12-04', 'enteredIntoForceOn: 2024-02-30') },
    expected: [`${T}:8: enteredIntoForceOn: "2024-02-30" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (for example 1961-07-06)`],
  },
  {
    name: 'a date in another format',
    edits: { [T]: replace('signedOn: 2024-06-19\nsignedAt', 'signedOn: 19 June 2024\nsignedAt') },
    expected: [`${T}:6: signedOn: "19 June 2024" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (for example 1961-07-06)`],
  },
  {
    name: 'entry into force before signature',
    edits: { [T]: replace('enteredIntoForceOn: 2024-12-04', 'enteredIntoForceOn: 2023-12-04') },
    expected: [`${T}:8: enteredIntoForceOn: enteredIntoForceOn 2023-12-04 is before signedOn 2024-06-19; dates must run signedOn ≤ enteredIntoForceOn`],
  },
  {
    name: 'termination before entry into force',
    edits: { 'treaties/fixture-old-treaty.yaml': replace('terminatedOn: 2024-12-04', 'terminatedOn: 1999-12-04') },
    expected: [`treaties/fixture-old-treaty.yaml:6: terminatedOn: terminatedOn 1999-12-04 is before enteredIntoForceOn 2000; dates must run enteredIntoForceOn ≤ terminatedOn`],
  },
  {
    name: 'nothing, when a date known only to the month may still be in order',
    edits: { 'treaties/fixture-old-treaty.yaml': replace('signedOn: 2000-02-09', 'signedOn: 2000-03') },
    expected: [],
  },
  {
    name: 'an unknown source',
    edits: { [T]: replace('sources: [fixture-source]\nparties:', 'sources: [fixture-sauce]\nparties:') },
    expected: [`${T}:11: sources[0]: unknown source "fixture-sauce"; did you mean "fixture-source"?`],
  },
  {
    name: 'no source cited',
    edits: { [T]: replace('sources: [fixture-source]\nparties:', 'sources: []\nparties:') },
    expected: [`${T}:11: sources: must cite at least one source (an id from seeds/sources.yaml)`],
  },
  {
    name: 'a duplicate source id',
    edits: { 'sources.yaml': (text) => `${text}- id: fixture-source\n  publisher: Again\n  title: Again\n` },
    expected: ['sources.yaml:9: [2].id: duplicate source "fixture-source": already defined at sources.yaml:2'],
  },
  {
    name: 'a duplicate treaty id in another file',
    edits: { 'treaties/fixture-copy.yaml': readFileSync(join(FIXTURE, T), 'utf8') },
    expected: [
      'treaties/fixture-copy.yaml:1: id: the file of treaty "fixture-treaty" must be named fixture-treaty.yaml, so that the id is found by its file',
      `${T}:1: id: duplicate treaty "fixture-treaty": already defined at treaties/fixture-copy.yaml:1`,
    ],
  },
  {
    name: 'a party listed twice',
    edits: { [T]: replace('  - nation: PRK\n    signedOn', '  - nation: RUS\n    signedOn') },
    expected: [`${T}:17: parties[1].nation: RUS is already a party at parties[0]; list each nation once`],
  },
  {
    name: 'a signatory who did not hold the office that day',
    edits: { [T]: replace('    office: President of Russia\n', '    office: Prime Minister of Russia\n') },
    expected: [`${T}:23: signatories[0].office: Vladimir Putin did not hold the office "Prime Minister of Russia" for RUS on 2024-06-19; on that date they held "President of Russia"`],
  },
  {
    name: 'a signatory outside any tenure',
    edits: { 'leaders.yaml': replace('      from: 2012-05-07', '      from: 2012-05-07\n      to: 2018-05-07') },
    expected: [`${T}:23: signatories[0].office: Vladimir Putin did not hold the office "President of Russia" for RUS on 2024-06-19; no tenure of theirs covers that date`],
  },
  {
    name: 'a signatory for a nation that is not a party',
    edits: { [T]: replace('    nation: RUS\n    signedOn: 2024-06-19\n    sources: [fixture-source]\nprovisions', '    nation: KOR\n    signedOn: 2024-06-19\n    sources: [fixture-source]\nprovisions') },
    expected: [
      `${T}:23: signatories[0].office: Vladimir Putin did not hold the office "President of Russia" for KOR on 2024-06-19; no tenure of theirs covers that date`,
      `${T}:24: signatories[0].nation: KOR signed but is not a party; add it under parties`,
    ],
  },
  {
    name: 'an unknown leader',
    edits: { [T]: replace('  - leader: vladimir-putin', '  - leader: vladimir-puttin') },
    expected: [`${T}:22: signatories[0].leader: unknown leader "vladimir-puttin"; did you mean "vladimir-putin"?`],
  },
  {
    name: 'a party that did not exist yet',
    edits: { 'nations.yaml': replace('    - from: 1948-09-09', '    - from: 2025-01-01') },
    expected: [
      `organizations.yaml:9: [0].members[1].from: PRK (North Korea) did not exist on 2024-12-04; its periods are 2025-01-01–`,
      `treaties/fixture-old-treaty.yaml:12: parties[1].nation: PRK (North Korea) did not exist on 2000-02-09; its periods are 2025-01-01–`,
      `${T}:17: parties[1].nation: PRK (North Korea) did not exist on 2024-06-19; its periods are 2025-01-01–`,
    ],
  },
  {
    name: 'an unknown obligation',
    edits: { [T]: replace('obligation: DEFENSE', 'obligation: DEFENCE') },
    expected: [`${T}:29: provisions[0].obligation: must be one of DEFENSE, OFFENSE, NEUTRALITY, NON_AGGRESSION, CONSULTATION, OTHER`],
  },
  {
    name: 'a provision listed twice',
    edits: { [T]: replace('  - article: 3\n    obligation: CONSULTATION', '  - article: 4\n    obligation: DEFENSE') },
    expected: [`${T}:33: provisions[1].article: article 4 with obligation DEFENSE is already listed at provisions[0]`],
  },
  {
    name: 'an obligor that is not a party',
    edits: { [T]: replace('    obligation: DEFENSE\n', '    obligation: DEFENSE\n    obligors: [KOR]\n') },
    expected: [`${T}:30: provisions[0].obligors[0]: KOR is not a party to this treaty`],
  },
  {
    name: 'a superseded treaty that does not exist',
    edits: { [T]: replace('  - treaty: fixture-old-treaty', '  - treaty: fixture-older-treaty') },
    expected: [`${T}:43: supersedes[0].treaty: unknown treaty "fixture-older-treaty"; did you mean "fixture-old-treaty"?`],
  },
  {
    name: 'a treaty that supersedes itself',
    edits: { [T]: replace('  - treaty: fixture-old-treaty', '  - treaty: fixture-treaty') },
    expected: [`${T}:43: supersedes[0].treaty: a treaty cannot supersede itself`],
  },
  {
    name: 'a caveat of an unknown kind',
    edits: { [T]: replace('    kind: CONFLICT', '    kind: DISPUTED') },
    expected: [`${T}:48: caveats[0].kind: must be CONFLICT (sources disagree) or UNVERIFIED (no source confirms it)`],
  },
  {
    name: 'an id that is not a slug',
    edits: { 'leaders.yaml': replace('- id: kim-jong-un', '- id: Kim Jong Un') },
    expected: ['leaders.yaml:9: [1].id: must be a slug: lower-case letters, digits and single hyphens'],
  },
  {
    name: 'a treaty file whose name differs from its id',
    edits: { [T]: replace('id: fixture-treaty', 'id: fixture-pact') },
    expected: [
      `organizations.yaml:3: [0].foundingTreaty: unknown treaty "fixture-treaty"; did you mean "fixture-old-treaty"?`,
      `statements.yaml:8: [0].about.treaties[0]: unknown treaty "fixture-treaty"; did you mean "fixture-old-treaty"?`,
      `${T}:1: id: the file of treaty "fixture-pact" must be named fixture-pact.yaml, so that the id is found by its file`,
    ],
  },
  {
    name: 'broken YAML',
    edits: { 'visits.yaml': replace('  host: PRK', '  host: [PRK') },
    expected: ['visits.yaml:4: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  },
  {
    name: 'a list file that is a mapping',
    edits: { 'visits.yaml': 'id: fixture-visit\n' },
    expected: ['visits.yaml:1: must be a list, not a mapping'],
  },
  {
    name: 'a statement by an unknown speaker about an unknown organization',
    edits: { 'statements.yaml': (text) => text.replace('speaker: vladimir-putin', 'speaker: antony-blinken').replace('    treaties: [fixture-treaty]', '    treaties: [fixture-treaty]\n    organizations: [nato]') },
    expected: [
      'statements.yaml:2: [0].speaker: unknown leader "antony-blinken"; add it to seeds/leaders.yaml first',
      'statements.yaml:9: [0].about.organizations[0]: unknown organization "nato"; add it to seeds/organizations.yaml first',
    ],
  },
  {
    name: 'an office of an unknown organization, with a suggestion',
    edits: { 'leaders.yaml': withChairTenure('      organization: fixture-pakt\n') },
    expected: ['leaders.yaml:17: [1].tenures[1].organization: unknown organization "fixture-pakt"; did you mean "fixture-pact"?'],
  },
  {
    name: 'a tenure naming both a nation and an organization',
    edits: { 'leaders.yaml': withChairTenure('      nation: PRK\n      organization: fixture-pact\n') },
    expected: ['leaders.yaml:18: [1].tenures[1].organization: a tenure names a nation or an organization, not both: remove one'],
  },
  {
    name: 'a tenure naming neither a nation nor an organization',
    edits: { 'leaders.yaml': withChairTenure('') },
    expected: ['leaders.yaml:16: [1].tenures[1].nation: a tenure must name the nation (or the organization) whose office it is'],
  },
  {
    name: 'a wrong type',
    edits: { 'nations.yaml': replace('  cowCode: 365', '  cowCode: three-six-five') },
    expected: ['nations.yaml:4: [0].cowCode: must be a number, not string "three-six-five"'],
  },
];

describe('seed check', () => {
  it('passes the real seed pack', () => {
    const { problems, fileCount } = checkSeeds(SEEDS_DIR);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(fileCount).toBeGreaterThan(10);
  });

  it('passes the valid fixture pack', () => {
    expect(problemsOf(FIXTURE)).toEqual([]);
  });

  it.each(CASES)('reports $name', ({ edits, expected }) => {
    expect(problemsOf(packWith(edits))).toEqual(expected);
  });

  it('reports every problem of every file at once', () => {
    const all = packWith({
      [T]: (text) => text.replace('signedAt: Pyongyang', 'signedIn: Pyongyang').replace('obligation: DEFENSE', 'obligation: DEFENCE'),
      'leaders.yaml': replace('- id: kim-jong-un', '- id: Kim Jong Un'),
    });
    expect(problemsOf(all)).toEqual([
      'leaders.yaml:9: [1].id: must be a slug: lower-case letters, digits and single hyphens',
      `${T}:7: signedIn: unknown field "signedIn"; did you mean "signedOn"?`,
      `${T}:29: provisions[0].obligation: must be one of DEFENSE, OFFENSE, NEUTRALITY, NON_AGGRESSION, CONSULTATION, OTHER`,
    ]);
  });
});
