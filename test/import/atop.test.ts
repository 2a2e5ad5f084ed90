/**
 * The ATOP 5.1 import against a real Neo4j and the real files: counts, alliances checked against the
 * codebook, idempotence, one changed row changing exactly one element, and --strict writing nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { importAtop, type AtopImportOptions } from '../../src/import/atop/index.ts';
import { formatIssue } from '../../src/import/engine/issues.ts';
import type { ImportSummary } from '../../src/import/engine/summary.ts';
import { endBound, startBound } from '../../src/model/periods.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { canonicalDump } from '../support/dump.ts';
import { clearDatabase, testGraph } from '../support/graph.ts';
import { copyAtop, csvObjects, DATA, setField } from './data.ts';

const graph = testGraph();
const options = (dir = DATA.atopDir): AtopImportOptions => ({ dir, statesFile: DATA.statesFile, crosswalkFile: DATA.crosswalkFile });
const counts = (s: ImportSummary) => Object.fromEntries(s.counts.map(({ kind, ...c }) => [kind, c]));
const changed = (s: ImportSummary) => s.counts.filter((c) => c.created + c.updated + c.removed > 0).map(({ kind, created, updated, removed }) => ({ kind, created, updated, removed }));

interface Party { code: string; phase: number; inForceFrom: string; leftOn: string | null; fromDate: string; untilDate: string | null; obligations: string[] }
const parties = (atopId: number) =>
  graph.readText<Party>(
    `MATCH (n:Nation)-[r:PARTY_TO {origin: 'atop'}]->(:Treaty {atopId: $atopId})
     RETURN n.code AS code, r.atopPhase AS phase, r.inForceFrom AS inForceFrom, r.leftOn AS leftOn,
            toString(r.fromDate) AS fromDate, toString(r.untilDate) AS untilDate, r.obligations AS obligations
     ORDER BY code, phase, inForceFrom`,
    { atopId },
  );
const treaty = async (atopId: number) =>
  (await graph.readText<{ t: Record<string, unknown> }>(
    `MATCH (t:Treaty {atopId: $atopId})
     RETURN t {.*, fromDate: toString(t.fromDate), untilDate: toString(t.untilDate),
               signedFromDate: toString(t.signedFromDate), signedToDate: toString(t.signedToDate)} AS t`,
    { atopId },
  ))[0]?.t;

describe.skipIf(!DATA.present)(`ATOP import${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
  let first: ImportSummary;
  let dump: string[];

  beforeAll(async () => {
    await applySchema(graph);
    await clearDatabase(graph);
    first = await importAtop(graph, options());
    dump = await canonicalDump(graph);
  });
  afterAll(async () => {
    await graph.close();
  });

  it('imports every alliance, every member row but one, and every COW state', async () => {
    const alliances = csvObjects(join(DATA.atopDir, 'atop5_1a.csv'));
    const members = csvObjects(join(DATA.atopDir, 'atop5_1m.csv'));
    const states = new Set(csvObjects(DATA.statesFile).map((r) => r.ccode));
    expect(alliances).toHaveLength(789);
    expect(members).toHaveLength(2510);
    expect(states.size).toBe(217);
    // One provision per obligation coded for an alliance or any of its members: the same set, as the
    // member file (8152 included) and the alliance file agree.
    const obligations = ['defense', 'offense', 'neutral', 'nonagg', 'consul'];
    const coded = new Set(alliances.flatMap((a) => obligations.filter((o) => a[o] === '1').map((o) => `${a.atopid}/${o}`)));
    expect(new Set(members.flatMap((m) => obligations.filter((o) => m[o] === '1').map((o) => `${m.atopid}/${o}`)))).toEqual(coded);
    expect(counts(first)).toEqual({
      sources: { created: 2, updated: 0, removed: 0, unchanged: 0 },
      nations: { created: 217, updated: 0, removed: 0, unchanged: 0 },
      'nation periods': { created: 243, updated: 0, removed: 0, unchanged: 0 },
      treaties: { created: 789, updated: 0, removed: 0, unchanged: 0 },
      provisions: { created: coded.size, updated: 0, removed: 0, unchanged: 0 },
      parties: { created: 2509, updated: 0, removed: 0, unchanged: 0 },
    });
    const [graphCounts] = await graph.readText<{ treaties: number; parties: number; nations: number; provisions: number }>(
      `CALL { MATCH (t:Treaty)-[:CITES]->(:Source {title: 'ATOP 5.1'}) RETURN count(DISTINCT t) AS treaties }
       CALL { MATCH (:Nation)-[r:PARTY_TO {origin: 'atop'}]->(:Treaty) RETURN count(r) AS parties }
       CALL { MATCH (n:Nation {origin: 'cow'}) RETURN count(n) AS nations }
       CALL { MATCH (:Treaty)-[:HAS_PROVISION]->(p:Provision {origin: 'atop'}) RETURN count(p) AS provisions }
       RETURN treaties, parties, nations, provisions`,
    );
    expect(graphCounts).toEqual({ treaties: 789, parties: 2509, nations: 217, provisions: coded.size });
  });

  it('reports ATOP member 8152, which is no COW state, as a malformed row with file, row and column', () => {
    expect(first.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
      `${join(DATA.atopDir, 'atop5_1m.csv')}:203: member: 8152 is not a state code in the Correlates of War state list (states2016.csv)`,
    ]);
    expect(first.written).toBe(true);
  });

  it("keeps the obligation only member 8152 carried: ATOP 1320 is a consultation pact, as the alliance file codes it", async () => {
    expect(first.issues.filter((i) => i.kind === 'obligation-without-member').map((i) => `${i.row}: ${i.column}`)).toEqual(['68: consul']);
    const provisions = await graph.readText<{ obligation: string; bound: number }>(
      `MATCH (t:Treaty {atopId: 1320})-[:HAS_PROVISION]->(p:Provision)
       RETURN p.obligation AS obligation, size([(n:Nation)-[r:PARTY_TO]->(t) WHERE p.obligation IN r.obligations | n]) AS bound ORDER BY obligation`);
    expect(provisions).toEqual([{ obligation: 'CONSULTATION', bound: 0 }, { obligation: 'DEFENSE', bound: 1 }]);
  });

  it('cites ATOP 5.1 from every alliance and obligation', async () => {
    const [source] = await graph.readText<{ s: Record<string, unknown> }>(`MATCH (s:Source {id: 'atop-5-1'}) RETURN s {.id, .title, .publisher, .url, .origin} AS s`);
    expect(source?.s).toEqual({
      id: 'atop-5-1', title: 'ATOP 5.1', url: 'http://www.atopdata.org/', origin: 'atop',
      publisher: 'Alliance Treaty Obligations and Provisions project (Leeds, Ritter, Mitchell & Long 2002)',
    });
    const [uncited] = await graph.readText<{ n: number }>(
      `MATCH (x) WHERE (x:Treaty OR x:Provision) AND x.origin = 'atop' AND NOT (x)-[:CITES]->(:Source {id: 'atop-5-1'}) RETURN count(x) AS n`);
    expect(uncited?.n).toBe(0);
  });

  it("through GraphQL, counts the alliances of each obligation as ATOP's alliance file codes them", async () => {
    const alliances = csvObjects(join(DATA.atopDir, 'atop5_1a.csv'));
    const columns = { DEFENSE: 'defense', OFFENSE: 'offense', NEUTRALITY: 'neutral', NON_AGGRESSION: 'nonagg', CONSULTATION: 'consul' } as const;
    const expected = Object.fromEntries(Object.entries(columns).map(([o, column]) => [o, { totalCount: alliances.filter((a) => a[column]!.trim() === '1').length }]));
    const data = await dataOf(apiClient(graph)(`{ ${Object.keys(columns).map((o) => `${o}: treaties(filter: {source: "ATOP 5.1", obligation: ${o}}) { totalCount }`).join(' ')}
      all: treaties(filter: {source: "ATOP 5.1"}) { totalCount } }`));
    expect(data).toEqual({ ...expected, all: { totalCount: alliances.length } });
    expect(expected.DEFENSE).toEqual({ totalCount: 280 });
  });

  it('NATO (ATOP 3180): two phases, West Germany under its own code until unification, accessions at signature', async () => {
    const t = await treaty(3180);
    expect(t).toMatchObject({ id: 'atop-3180', kind: 'alliance', atopId: 3180, cow4Id: 227, signedOn: '1949-04-04', fromDate: '1949-04-04', phases: 2 });
    // Still in force at the end of 2018: no end, open.
    expect(t?.terminatedOn).toBeUndefined();
    expect(t?.untilDate).toBeNull();
    const rows = await parties(3180);
    expect(new Set(rows.map((r) => r.code)).size).toBe(30);
    const founders = ['BEL', 'CAN', 'DNK', 'FRA', 'GBR', 'ISL', 'ITA', 'LUX', 'NLD', 'NOR', 'PRT', 'USA'];
    for (const code of founders) {
      expect(rows.filter((r) => r.code === code)).toEqual([
        { code, phase: 1, inForceFrom: '1949-04-04', leftOn: '1951-06-19', fromDate: '1949-04-04', untilDate: '1951-06-20', obligations: ['DEFENSE', 'NON_AGGRESSION', 'CONSULTATION'] },
        { code, phase: 2, inForceFrom: '1951-06-19', leftOn: null, fromDate: '1951-06-19', untilDate: null, obligations: ['DEFENSE', 'NON_AGGRESSION', 'CONSULTATION'] },
      ]);
    }
    const entry = (code: string) => rows.filter((r) => r.code === code).map((r) => [r.inForceFrom, r.leftOn]);
    expect(entry('GRC')).toEqual([['1951-10-22', null]]);
    expect(entry('TUR')).toEqual([['1951-10-22', null]]);
    expect(entry('XGFR')).toEqual([['1954-10-23', '1990-10-03']]);
    expect(entry('DEU')).toEqual([['1990-10-03', null]]);
    expect(entry('ESP')).toEqual([['1981-12-10', null]]);
    expect(entry('CZE')).toEqual([['1997-12-16', null]]);
    expect(entry('MNE')).toEqual([['2016-05-19', null]]);
    const provisions = await graph.readText<{ obligation: string; conditions: string[]; phases: number[] }>(
      `MATCH (:Treaty {atopId: 3180})-[:HAS_PROVISION]->(p) RETURN p.obligation AS obligation, p.conditions AS conditions, p.phases AS phases ORDER BY obligation`);
    expect(provisions).toEqual([
      { obligation: 'CONSULTATION', conditions: [], phases: [1, 2] },
      // Article 6: an armed attack in the North Atlantic area.
      { obligation: 'DEFENSE', conditions: ['conflict in a particular location (DEFCOLOC)'], phases: [1, 2] },
      { obligation: 'NON_AGGRESSION', conditions: [], phases: [1, 2] },
    ]);
  });

  it("through GraphQL, a member's next phase is no departure and no new signature; a real exit is", async () => {
    const gql = apiClient(graph);
    // France in NATO: ATOP's phase 1 ends on 1951-06-19, the day phase 2 starts.
    const { treaty, fra, egy } = await dataOf(gql(`{
      treaty(id: "atop-3180") { parties { nation { code } signedOn inForceFrom leftOn } }
      fra: timeline(code: "FRA", during: {from: "1951-06-19", to: "1951-06-19"}) { kind treaty { id } }
      egy: timeline(code: "EGY", during: {from: "1979-03-31", to: "1979-03-31"}) { kind treaty { id } } }`));
    expect((treaty.parties as { nation: { code: string } }[]).filter((p) => p.nation.code === 'FRA')).toEqual([
      { nation: { code: 'FRA' }, signedOn: '1949-04-04', inForceFrom: '1949-04-04', leftOn: null },
      { nation: { code: 'FRA' }, signedOn: null, inForceFrom: '1951-06-19', leftOn: null },
    ]);
    expect(fra.filter((e: { treaty: { id: string } | null }) => e.treaty?.id === 'atop-3180')).toEqual([]);
    // Egypt's row in ATOP 3015 ends on 1979-03-31, and its next row starts only in 1989: a real exit.
    expect(egy).toContainEqual({ kind: 'DEPARTURE', treaty: { id: 'atop-3015' } });

    // Every member row of the file: an exit is a departure unless the same member has a later row starting
    // by the day after it; an entry is a signature unless an earlier row runs up to it.
    const day = (y: string, m: string, d: string) => (Number(m) === 0 ? y : Number(d) === 0 ? `${y}-${m.padStart(2, '0')}` : `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    const rows = csvObjects(join(DATA.atopDir, 'atop5_1m.csv')).filter((m) => m.member !== '8152').map((m) => ({
      key: `${m.atopid}/${m.member}`,
      from: startBound(day(m.yrent!, m.moent!, m.dayent!))!,
      until: Number(m.yrexit) === 0 ? null : endBound(day(m.yrexit!, m.moexit!, m.dayexit!), 'inclusive'),
    }));
    const departures = rows.filter((r) => r.until && !rows.some((o) => o !== r && o.key === r.key && o.from > r.from && o.from <= r.until!)).length;
    const signatures = rows.filter((r) => !rows.some((o) => o !== r && o.key === r.key && o.from < r.from && o.until !== null && o.until >= r.from)).length;
    let left = 0;
    let signed = 0;
    for (let after: string | null = null, more = true; more;) {
      const page: { treaties: { edges: { node: { parties: { signedOn: string | null; leftOn: string | null }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
        await dataOf(gql(`query($after: String) { treaties(filter: {source: "ATOP 5.1"}, first: 100, after: $after) {
          edges { node { parties { signedOn leftOn } } } pageInfo { hasNextPage endCursor } } }`, { after }));
      for (const { node } of page.treaties.edges) for (const p of node.parties) { left += p.leftOn ? 1 : 0; signed += p.signedOn ? 1 : 0; }
      ({ hasNextPage: more, endCursor: after } = page.treaties.pageInfo);
    }
    expect({ left, signed }).toEqual({ left: departures, signed: signatures });
    expect(rows.length - signatures).toBeGreaterThan(200);
  });

  it('ATOP 1005 (the secret alliance of January 1815): six members, each from its own signature to the last day', async () => {
    expect(await treaty(1005)).toMatchObject({
      name: 'ATOP 1005: United Kingdom, Netherlands, France and 3 more',
      signedOn: '1815-01-03', enteredIntoForceOn: '1815-01-03', terminatedOn: '1815-02-08',
      fromDate: '1815-01-03', untilDate: '1815-02-09', phases: 0,
    });
    const rows = await parties(1005);
    expect(rows.map((r) => [r.code, r.inForceFrom, r.leftOn, r.untilDate])).toEqual([
      ['FRA', '1815-01-03', '1815-02-08', '1815-02-09'],
      ['GBR', '1815-01-03', '1815-02-08', '1815-02-09'],
      ['NLD', '1815-01-31', '1815-02-08', '1815-02-09'],
      ['XAUH', '1815-01-03', '1815-02-08', '1815-02-09'],
      ['XBAV', '1815-01-13', '1815-02-08', '1815-02-09'],
      ['XHAN', '1815-01-19', '1815-02-08', '1815-02-09'],
    ]);
  });

  it('keeps the precision of a date ATOP gives without its day', async () => {
    // 1115 (UK-Russia): begday missing, so signed "1844-06", in force from the first day it can stand for.
    expect(await treaty(1115)).toMatchObject({ signedOn: '1844-06', enteredIntoForceOn: '1844-06', fromDate: '1844-06-01', terminatedOn: '1846-06-29', untilDate: '1846-06-30' });
    // The days "1844-06" can stand for, which the list's signing order and signedDuring read.
    expect(await treaty(1115)).toMatchObject({ signedFromDate: '1844-06-01', signedToDate: '1844-06-30' });
    // 1035 (the Quadruple Alliance): endday missing, so it ends in "1822-12", counted through 31 December.
    expect(await treaty(1035)).toMatchObject({ terminatedOn: '1822-12', untilDate: '1823-01-01' });
    // Yugoslavia (COW 345) leaves the CSCE-era alliance 3740 in May 1992, day unknown.
    expect((await parties(3740)).filter((r) => r.code === 'SRB').map((r) => [r.phase, r.inForceFrom, r.leftOn, r.untilDate])).toEqual([
      [1, '1975-08-01', '1990-11-21', '1990-11-22'],
      [2, '1990-11-21', '1992-05', '1992-06-01'],
      [2, '2000-11-27', null, null],
    ]);
  });

  it('keeps simultaneous successor phases: France with the Czech Republic (phase 2) and with Slovakia (phase 3) in 4070', async () => {
    const rows = await parties(4070);
    expect(rows.map((r) => [r.code, r.phase, r.inForceFrom, r.leftOn])).toEqual([
      ['CZE', 2, '1993-01-01', null],
      ['FRA', 1, '1991-10-01', '1992-12-31'],
      ['FRA', 2, '1993-01-01', null],
      ['FRA', 3, '1993-01-01', null],
      ['SVK', 3, '1993-01-01', null],
      ['XCZE', 1, '1991-10-01', '1992-12-31'],
    ]);
  });

  it('joins the COW states: one nation per state, Russia the Soviet Union included, periods from the state list', async () => {
    const nations = await graph.readText<{ code: string; cowCode: number; name: string; region: string | null }>(
      `MATCH (n:Nation) WHERE n.cowCode IN [255, 260, 265, 345, 365, 678, 679, 680, 730, 816, 817] RETURN n.code AS code, n.cowCode AS cowCode, n.name AS name, n.region AS region ORDER BY cowCode`);
    expect(nations.map((n) => [n.cowCode, n.code])).toEqual([
      [255, 'DEU'], [260, 'XGFR'], [265, 'XGDR'], [345, 'SRB'], [365, 'RUS'], [678, 'XYAR'], [679, 'YEM'], [680, 'XYPR'], [730, 'XKOR'], [816, 'VNM'], [817, 'XRVN'],
    ]);
    expect(nations.every((n) => n.region)).toBe(true);
    const periods = await graph.readText<{ from: string; to: string | null; untilDate: string | null }>(
      `MATCH (:Nation {code: 'DEU'})-[:EXISTED]->(p:Period) RETURN p.from AS from, p.to AS to, toString(p.untilDate) AS untilDate ORDER BY from`);
    expect(periods).toEqual([
      { from: '1816-01-01', to: '1945-05-08', untilDate: '1945-05-09' },
      { from: '1990-10-03', to: null, untilDate: null },
    ]);
  });

  it("finds a state by its other names: COW's where the nation bears another, and the crosswalk's", async () => {
    const data = await dataOf(apiClient(graph)(`{
      yugoslavia: nations(filter: {name: "yugoslavia"}) { edges { node { code name aliases cowCode } } }
      serbia: nations(filter: {name: "Serbia"}) { edges { node { code } } }
      eswatini: nations(filter: {name: "Eswatini"}) { edges { node { code name aliases } } }
      eastGermany: search(text: "East Germany") { kind id }
      burma: search(text: "Burma") { kind id }
      ivoire: search(text: "Côte d’Ivoire") { kind id }
      ivoireTyped: search(text: "cote d'ivoire") { kind id }
      westGermany: nation(code: "XGFR") { name aliases }
    }`));
    // COW 345 is SRB, "Serbia" (codes.ts); COW and ATOP call it Yugoslavia.
    expect(data.yugoslavia.edges).toEqual([{ node: { code: 'SRB', name: 'Serbia', aliases: ['Yugoslavia'], cowCode: 345 } }]);
    expect(data.serbia.edges).toEqual([{ node: { code: 'SRB' } }]);
    // COW's "Swaziland", under the name the crosswalk's other columns give it.
    expect(data.eswatini.edges).toEqual([{ node: { code: 'SWZ', name: 'Swaziland', aliases: ['Eswatini'] } }]);
    expect(data.eastGermany[0]).toEqual({ kind: 'NATION', id: 'XGDR' });
    expect(data.burma[0]).toEqual({ kind: 'NATION', id: 'MMR' });
    // Its name as written, and as typed without the accent or the curly apostrophe: "d’ivoire" is one word.
    expect(data.ivoire[0]).toEqual({ kind: 'NATION', id: 'CIV' });
    expect(data.ivoireTyped[0]).toEqual({ kind: 'NATION', id: 'CIV' });
    // The crosswalk has no row for COW 260: its Gleditsch-Ward row (which gives the region) is unified Germany's.
    expect(data.westGermany).toEqual({ name: 'German Federal Republic', aliases: [] });
  });

  it('a second import changes nothing', async () => {
    const second = await importAtop(graph, options());
    expect(changed(second)).toEqual([]);
    expect(second.counts.reduce((n, c) => n + c.unchanged, 0)).toBe(first.counts.reduce((n, c) => n + c.created, 0));
    expect(await canonicalDump(graph)).toEqual(dump);
  });

  it('importing again after one row changed changes exactly that element, and back', async () => {
    const copy = copyAtop();
    try {
      // West Germany (line 869 of the member file) leaves NATO a day earlier.
      copy.edit('atop5_1m.csv', 869, (f, h) => setField(f, h, 'dayexit', '2'));
      const summary = await importAtop(graph, options(copy.dir));
      expect(changed(summary)).toEqual([{ kind: 'parties', created: 0, updated: 1, removed: 0 }]);
      const after = await canonicalDump(graph);
      const gone = dump.filter((line) => !after.includes(line));
      const added = after.filter((line) => !dump.includes(line));
      expect(gone).toHaveLength(1);
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('"leftOn":"1990-10-02"');
      expect(added[0]).toMatch(/^\["rel","XGFR -\[PARTY_TO\]-> atop-3180"/);

      // An alliance-level value: 1005 gains a COW 4 id.
      copy.edit('atop5_1a.csv', 2, (f, h) => setField(f, h, 'cow4id', '999'));
      expect(changed(await importAtop(graph, options(copy.dir)))).toEqual([{ kind: 'treaties', created: 0, updated: 1, removed: 0 }]);
      expect(await treaty(1005)).toMatchObject({ cow4Id: 999 });

      // A member row removed: the United States' first NATO phase (line 843).
      copy.removeLine('atop5_1m.csv', 843);
      expect(changed(await importAtop(graph, options(copy.dir)))).toEqual([{ kind: 'parties', created: 0, updated: 0, removed: 1 }]);
      expect((await parties(3180)).filter((r) => r.code === 'USA').map((r) => r.phase)).toEqual([2]);

      const restored = await importAtop(graph, options());
      expect(changed(restored)).toEqual([
        { kind: 'treaties', created: 0, updated: 1, removed: 0 },
        { kind: 'parties', created: 1, updated: 1, removed: 0 },
      ]);
      expect(await canonicalDump(graph)).toEqual(dump);
    } finally {
      copy.done();
    }
  });

  it('above the single-transaction limit, commits in several transactions to the same graph', async () => {
    await clearDatabase(graph);
    const batched = await importAtop(graph, { ...options(), singleTransactionLimit: 3_000, batchSize: 500 });
    expect(batched.singleTransaction).toBe(false);
    expect(await canonicalDump(graph)).toEqual(dump);
    expect(changed(await importAtop(graph, { ...options(), singleTransactionLimit: 3_000 }))).toEqual([]);
  });

  it('--strict writes nothing when a row is malformed; by default the row is skipped and listed', async () => {
    const copy = copyAtop();
    try {
      copy.edit('atop5_1m.csv', 844, (f, h) => setField(f, h, 'moent', '13'));
      const strict = await importAtop(graph, { ...options(copy.dir), strict: true });
      expect(strict.written).toBe(false);
      expect(strict.counts).toEqual([]);
      expect(strict.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
        `${join(copy.dir, 'atop5_1m.csv')}:203: member: 8152 is not a state code in the Correlates of War state list (states2016.csv)`,
        `${join(copy.dir, 'atop5_1m.csv')}:844: moent: "13" is not a month (1-12, or 0 when unknown)`,
      ]);
      expect(await canonicalDump(graph)).toEqual(dump);

      const lenient = await importAtop(graph, options(copy.dir));
      expect(lenient.written).toBe(true);
      expect(lenient.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column])).toEqual([[203, 'member'], [844, 'moent']]);
      expect(changed(lenient)).toEqual([{ kind: 'parties', created: 0, updated: 0, removed: 1 }]);
      expect(changed(await importAtop(graph, options()))).toEqual([{ kind: 'parties', created: 1, updated: 0, removed: 0 }]);
      expect(await canonicalDump(graph)).toEqual(dump);
    } finally {
      copy.done();
    }
  });
});
