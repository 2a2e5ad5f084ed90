/**
 * The Wikidata leaders import against a real Neo4j and the real file: duplicate spells merged, placeholder
 * dates dropped and reported, open ends checked against Wikidata's list of current holders, seeded leaders
 * found by QID, idempotence, one changed row changing exactly one tenure, and --strict writing nothing (the
 * real file has malformed rows).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { importAtop } from '../../src/import/atop/index.ts';
import { formatIssue } from '../../src/import/engine/issues.ts';
import type { ImportSummary } from '../../src/import/engine/summary.ts';
import { importLeaders } from '../../src/import/leaders/index.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { canonicalDump } from '../support/dump.ts';
import { clearDatabase, testGraph } from '../support/graph.ts';
import { csvObjects, DATA } from './data.ts';

const graph = testGraph();
const changed = (s: ImportSummary) => s.counts.filter((c) => c.created + c.updated + c.removed > 0).map(({ kind, created, updated, removed }) => ({ kind, created, updated, removed }));
const tenures = (qid: string) =>
  graph.readText<{ leader: string; nation: string; office: string; from: string | null; to: string | null; untilDate: string | null; mergedSpells: number; endUnknown?: boolean }>(
    `MATCH (l:Leader {wikidataId: $qid})-[h:HELD {origin: 'wikidata'}]->(n:Nation)
     RETURN l.id AS leader, n.code AS nation, h.office AS office, h.from AS from, h.to AS to, toString(h.untilDate) AS untilDate, h.mergedSpells AS mergedSpells
     ORDER BY office, from`,
    { qid },
  );

describe.skipIf(!DATA.present)(`Wikidata leaders import${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
  let first: ImportSummary;
  let dump: string[];

  beforeAll(async () => {
    await applySchema(graph);
    await clearDatabase(graph);
    // The nations the tenures name: the COW states, imported with ATOP.
    await importAtop(graph, { dir: DATA.atopDir, statesFile: DATA.statesFile, crosswalkFile: DATA.crosswalkFile });
    // A leader as the seeds write one, with the QID the file gives Kim Jong-un.
    await graph.write((tx) => tx.tx.run(
      `CREATE (:Leader:Seeded {id: 'kim-jong-un', name: 'Kim Jong Un', wikidataId: 'Q56226', origin: 'seed', seedKey: 'Leader:kim-jong-un'})`));
    first = await importLeaders(graph, { file: DATA.leadersFile });
    dump = await canonicalDump(graph);
  });
  afterAll(async () => {
    await graph.close();
  });

  it('imports the tenures whose nations are in the graph, and says which are not', async () => {
    expect(first.read).toBe('9376 rows, 9357 spells, 8922 tenures after merging duplicates, 1017 of them over on an unknown date');
    expect(changed(first)).toEqual([
      { kind: 'sources', created: 1, updated: 0, removed: 0 },
      { kind: 'leaders', created: 5666, updated: 0, removed: 0 },
      { kind: 'tenures', created: 8350, updated: 0, removed: 0 },
    ]);
    const [counts] = await graph.readText<{ leaders: number; tenures: number; overlapping: number }>(
      `CALL { MATCH (l:Leader) WHERE (l)-[:HELD {origin: 'wikidata'}]->() RETURN count(l) AS leaders }
       CALL { MATCH ()-[h:HELD {origin: 'wikidata'}]->() RETURN count(h) AS tenures }
       CALL {
         MATCH (l:Leader)-[a:HELD {origin: 'wikidata'}]->(n:Nation)<-[b:HELD {origin: 'wikidata'}]-(l)
         WHERE a.office = b.office AND elementId(a) < elementId(b) AND a.fromDate IS NOT NULL AND b.fromDate IS NOT NULL
           AND a.fromDate < coalesce(b.untilDate, date('9999-12-31')) AND b.fromDate < coalesce(a.untilDate, date('9999-12-31'))
         RETURN count(*) AS overlapping
       }
       RETURN leaders, tenures, overlapping`);
    // 5666 leaders created, the seeded one joined; no two tenures of one person in one office overlap.
    expect(counts).toEqual({ leaders: 5667, tenures: 8350, overlapping: 0 });
    const missing = first.issues.filter((i) => i.kind === 'nation-not-in-graph');
    expect(missing.map((i) => i.message.slice(0, 3))).toEqual(expect.arrayContaining(['ABW', 'PRI', 'HKG', 'PSE']));
    expect(missing.map((i) => i.message.slice(0, 3))).not.toContain('SRB');
  });

  it('merges the spells Wikidata states twice: Kim Jong-un is head of state from 17 December 2011, once', async () => {
    expect(await tenures('Q56226')).toEqual([
      { leader: 'kim-jong-un', nation: 'PRK', office: 'head of state', from: '2011-12-17', to: null, untilDate: null, mergedSpells: 2 },
    ]);
    expect(first.issues.filter((i) => i.kind === 'duplicate-spell' && i.row === 7259).map(formatIssue)).toHaveLength(1);
  });

  it('keeps open only the tenures Wikidata lists as current: the others are over on an unknown date', async () => {
    // Quentin Trembley is a fictional president (the film National Treasure: Book of Secrets) that Wikidata
    // gives a start and no end; Kim Tok-hun was premier of North Korea until 2024.
    expect(await tenures('Q113227667')).toEqual([
      { leader: 'wd-q113227667', nation: 'USA', office: 'head of state', from: '1837-01-01', to: null, untilDate: null, mergedSpells: 1 },
    ]);
    const [marks] = await graph.readText<{ ended: number; trembley: boolean; kim: boolean; ishiba: boolean | null }>(
      `CALL { MATCH ()-[h:HELD {origin: 'wikidata'}]->() WHERE h.endUnknown RETURN count(h) AS ended }
       CALL { MATCH (:Leader {wikidataId: 'Q113227667'})-[h:HELD]->() RETURN h.endUnknown AS trembley }
       CALL { MATCH (:Leader {wikidataId: 'Q25035961'})-[h:HELD {office: 'head of government'}]->(:Nation {code: 'PRK'}) RETURN h.endUnknown AS kim }
       CALL { MATCH (:Leader {wikidataId: 'Q1335527'})-[h:HELD]->() WHERE h.to IS NULL RETURN h.endUnknown AS ishiba }
       RETURN ended, trembley, kim, ishiba`);
    // One mark for each end-unknown notice whose nation is in the graph (the notices name every nation).
    const nations = new Set((await graph.readText<{ code: string }>('MATCH (n:Nation) RETURN n.code AS code')).map((r) => r.code));
    const noticed = first.issues.filter((i) => i.kind === 'end-unknown' && nations.has(/ of ([A-Z]{3})\b/.exec(i.message)![1]!));
    expect(noticed.length).toBeGreaterThan(900);
    expect(marks).toEqual({ ended: noticed.length, trembley: true, kim: true, ishiba: null });
  });

  it("through the API, today's heads of state and government are exactly Wikidata's current holders", async () => {
    const gql = apiClient(graph, '2026-11-29');
    const codes = (await graph.readText<{ code: string }>('MATCH (n:Nation) RETURN n.code AS code ORDER BY code')).map((r) => r.code);
    const inGraph = new Set(codes);
    // Expected, from the two files read here: each holder in leaders_current.csv of a nation in the graph,
    // unless the history gives that person in that office no start (a tenure with no known start is on no
    // day), or states the very term the list calls current with an end (Juan Guaidó: from 2019-01-23 with no
    // end, and from 2019-01-23 to 2023-01-05).
    const history = csvObjects(DATA.leadersFile);
    const key = (r: Record<string, string>) => `${r.iso3}|${r.role}|${r.person_qid}`;
    const dated = new Set(history.filter((r) => /^\+?[1-9]\d{3}-/.test(r.start!)).map(key));
    const endedTerm = (c: Record<string, string>) => history.some((r) => key(r) === key(c) && r.end && r.start! >= c.start!);
    const current = csvObjects(join(DATA.root, 'leaders', 'leaders_current.csv')).filter((r) => inGraph.has(r.iso3!) && dated.has(key(r)));
    expect(current.filter(endedTerm).length).toBeLessThan(10);
    const expected = current.filter((r) => !endedTerm(r)).map((r) => `${r.iso3} ${r.role!.toUpperCase()} ${r.person_qid}`);
    // By role: where the seeds hold the same spell, the tenure listed is theirs (Putin as President of the
    // Russian Federation), with Wikidata's role on it.
    const actual: string[] = [];
    for (const code of codes) {
      const { nation } = await dataOf(gql<{ nation: { leaders: { roles: string[]; leader: { wikidataId: string } }[] } }>(
        'query($code: ID!) { nation(code: $code) { leaders { roles leader { wikidataId } } } }', { code }));
      for (const t of nation.leaders) for (const role of t.roles) actual.push(`${code} ${role} ${t.leader.wikidataId}`);
    }
    expect(actual.length).toBe(new Set(actual).size);
    expect(new Set(actual)).toEqual(new Set(expected));
    expect(actual).toContain('USA HEAD_OF_STATE Q22686');
    expect(actual).toContain('RUS HEAD_OF_STATE Q7747');
    expect(actual.filter((a) => a.startsWith('USA ')).sort()).toEqual(['USA HEAD_OF_GOVERNMENT Q22686', 'USA HEAD_OF_STATE Q22686']);
  });

  it('joins a seeded leader by QID: the seeds\' leader keeps its id and name and gains the tenures', async () => {
    const [kim] = await graph.readText<{ l: Record<string, unknown> }>(`MATCH (l:Leader {wikidataId: 'Q56226'}) RETURN l {.id, .name, .origin} AS l`);
    expect(kim?.l).toEqual({ id: 'kim-jong-un', name: 'Kim Jong Un', origin: 'seed' });
    // Through the API, the id an import would give Kim (wd-q56226) finds the seeds' leader.
    expect(await dataOf(apiClient(graph)('{ kim: leader(id: "wd-q56226") { id name } obama: leader(id: "wd-q76") { id } }')))
      .toEqual({ kim: { id: 'kim-jong-un', name: 'Kim Jong Un' }, obama: { id: 'wd-q76' } });
    const [other] = await graph.readText<{ l: Record<string, unknown> }>(`MATCH (l:Leader {wikidataId: 'Q76'}) RETURN l {.id, .name, .origin} AS l`);
    expect(other?.l).toEqual({ id: 'wd-q76', name: 'Barack Obama', origin: 'wikidata' });
    expect((await tenures('Q76')).map((t) => [t.office, t.from, t.to, t.untilDate])).toEqual([
      ['head of government', '2009-01-20', '2017-01-20', '2017-01-20'],
      ['head of state', '2009-01-20', '2017-01-20', '2017-01-20'],
    ]);
  });

  it('drops placeholder dates and reports them', async () => {
    expect(first.issues.filter((i) => i.kind === 'placeholder-date').map(formatIssue)).toEqual([
      `${DATA.leadersFile}:6577: start: +0000-00-00T00:00:00Z is a placeholder, not a date; the date is left missing`,
    ]);
    expect(await tenures('Q331755')).toEqual([
      { leader: 'wd-q331755', nation: 'NOR', office: 'head of state', from: null, to: '1202-01-01', untilDate: '1202-01-01', mergedSpells: 1 },
    ]);
  });

  it('skips and lists the malformed rows, each with file, row and column', () => {
    expect(first.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}: ${i.column}`)).toEqual([
      '605: person_qid', '2741: end', '2807: end', '4770: end', '4932: end', '7864: start', '8444: end', '8454: end',
    ]);
  });

  it('a second import changes nothing', async () => {
    expect(changed(await importLeaders(graph, { file: DATA.leadersFile }))).toEqual([]);
    expect(await canonicalDump(graph)).toEqual(dump);
  });

  it('importing again after one row changed changes exactly that tenure, and back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-leaders-'));
    try {
      const file = join(dir, 'leaders_history.csv');
      cpSync(join(DATA.root, 'leaders', 'leaders_current.csv'), join(dir, 'leaders_current.csv'));
      const lines = readFileSync(DATA.leadersFile, 'utf8').split('\n');
      lines[8996 - 1] = lines[8996 - 1]!.replace('2017-01-20T00:00:00Z', '2017-01-21T00:00:00Z');
      writeFileSync(file, lines.join('\n'));
      expect(changed(await importLeaders(graph, { file }))).toEqual([{ kind: 'tenures', created: 0, updated: 1, removed: 0 }]);
      const after = await canonicalDump(graph);
      expect(after.filter((line) => !dump.includes(line))).toEqual([expect.stringContaining('"to":"2017-01-21"')]);
      expect(dump.filter((line) => !after.includes(line))).toHaveLength(1);
      expect(changed(await importLeaders(graph, { file: DATA.leadersFile }))).toEqual([{ kind: 'tenures', created: 0, updated: 1, removed: 0 }]);
      expect(await canonicalDump(graph)).toEqual(dump);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a list of current holders, says so and would take every open end as still in office', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-leaders-'));
    try {
      const file = join(dir, 'leaders_history.csv');
      cpSync(DATA.leadersFile, file);
      const alone = await importLeaders(graph, { file, dryRun: true });
      expect(alone.read).toBe('9376 rows, 9357 spells, 8922 tenures after merging duplicates');
      expect(alone.issues.filter((i) => i.kind === 'no-current-list').map(formatIssue)).toEqual([
        `${file}:1: end: no leaders_current.csv beside it (or --current FILE): every tenure without an end is taken as still in office`,
      ]);
      // Every tenure marked over would lose its mark; the dry run writes none of it.
      const [row] = await graph.readText<{ marked: number }>(`MATCH ()-[h:HELD {origin: 'wikidata'}]->() WHERE h.endUnknown RETURN count(h) AS marked`);
      expect(changed(alone)).toEqual([{ kind: 'tenures', created: 0, updated: row!.marked, removed: 0 }]);
      expect(await canonicalDump(graph)).toEqual(dump);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--strict writes nothing, as the real file has malformed rows', async () => {
    const strict = await importLeaders(graph, { file: DATA.leadersFile, strict: true });
    expect(strict.written).toBe(false);
    expect(strict.issues.filter((i) => i.severity === 'error')).toHaveLength(8);
    expect(await canonicalDump(graph)).toEqual(dump);
  });
});
