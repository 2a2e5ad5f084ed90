/**
 * A treaty the seeds hold and ATOP also holds (the North Atlantic Treaty is ATOP 3180) is one treaty in the
 * graph, found by its atopId, whichever was loaded first; and the ATOP counts stay ATOP's even where the
 * seeds give the same treaty other parties or other dates.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { importAtop } from '../../src/import/atop/index.ts';
import type { ImportSummary } from '../../src/import/engine/summary.ts';
import { loadSeeds } from '../../src/seeds/load.ts';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';
import { addDays, dayAfter } from '../../src/model/dates.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { clearDatabase, testGraph } from '../support/graph.ts';
import { csvObjects, DATA } from './data.ts';

const graph = testGraph();
const atop = () => importAtop(graph, { dir: DATA.atopDir, statesFile: DATA.statesFile, crosswalkFile: DATA.crosswalkFile });
const changed = (s: ImportSummary) => s.counts.filter((c) => c.created + c.updated + c.removed > 0).map((c) => c.kind);
const one = async <T>(cypher: string, params: Record<string, unknown> = {}) => (await graph.readText<{ v: T }>(cypher, params))[0]?.v;

/** A treaty as the seed loader writes one (labels, origin, seedKey; atopId a float, as JavaScript sends it). */
async function seedNato(): Promise<void> {
  await graph.write((tx) =>
    tx.tx.run(
      `MERGE (d:Nation {code: 'DEU'}) SET d:Seeded, d.origin = 'seed', d.seedKey = 'Nation:DEU', d.name = 'Germany', d.cowCode = 255.0
       MERGE (t:Treaty {id: 'north-atlantic-treaty'})
       SET t:Seeded, t.origin = 'seed', t.seedKey = 'Treaty:north-atlantic-treaty', t.name = 'North Atlantic Treaty', t.atopId = 3180.0,
           t.signedOn = '1949-04-04', t.enteredIntoForceOn = '1949-08-24', t.fromDate = date('1949-08-24')
       MERGE (d)-[r:PARTY_TO {seedKey: 'party/north-atlantic-treaty/DEU'}]->(t)
       SET r.origin = 'seed', r.inForceFrom = '1955-05-06', r.fromDate = date('1955-05-06'), r.sources = ['nato-archives']`,
    ),
  );
}

/** ATOP's own count for a COW state and year, from its member table. */
const atopCount = (ccode: string, year: number) =>
  new Set(csvObjects(join(DATA.atopDir, 'atop5_1m.csv'))
    .filter((m) => m.member === ccode && Number(m.yrent) <= year && year <= (Number(m.yrexit) || 2018))
    .map((m) => m.atopid)).size;

const natoNodes = () => graph.readText<{ id: string; name: string; seeded: boolean; parties: number }>(
  `MATCH (t:Treaty) WHERE t.atopId = 3180
   RETURN t.id AS id, t.name AS name, t:Seeded AS seeded, COUNT { (:Nation)-[:PARTY_TO {origin: 'atop'}]->(t) } AS parties`);

const countFor = (party: string, year: number) =>
  one<number>(`CALL { ${'MATCH (s:Source) WHERE $source IN [s.id, s.title, s.publisher] MATCH (n:Nation {code: $party})-[r:PARTY_TO]->(t:Treaty)-[:CITES]->(s) WHERE s.id IN coalesce(r.sources, []) AND r.fromDate <= date($to) AND (r.untilDate IS NULL OR r.untilDate > date($from)) RETURN count(DISTINCT t) AS alliances'} } RETURN alliances AS v`,
    { party, source: 'ATOP 5.1', from: `${year}-01-01`, to: `${year}-12-31` });

/** ATOP's own first day for a member of an alliance, from its member table (atopid, COW code). */
const atopEntry = (atopid: string, ccode: string) => {
  const m = csvObjects(join(DATA.atopDir, 'atop5_1m.csv')).find((r) => r.atopid === atopid && r.member === ccode);
  return `${m!.yrent}-${m!.moent!.padStart(2, '0')}-${m!.dayent!.padStart(2, '0')}`;
};

type Defenders = { defendersOf: { nation: { code: string }; since: string; treaties: { id: string }[] }[] };
const chinaDefendsKoreaSince = async () =>
  (await dataOf(apiClient(graph)<Defenders>('{ defendersOf(code: "PRK") { nation { code } since treaties { id } } }')))
    .defendersOf.find((d) => d.nation.code === 'CHN')?.since;

afterAll(async () => {
  await graph.close();
});

describe.skipIf(!DATA.present)(`ATOP and the seeds${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
  beforeAll(async () => {
    await applySchema(graph);
  });
  beforeEach(async () => {
    await clearDatabase(graph);
  });

  it('joins a seeded treaty with the same atopId: one node, the seeds\' own properties kept', async () => {
    await seedNato();
    // A seeded nation whose COW code is not the one the COW list gives its code is kept, and reported.
    await graph.write((tx) => tx.tx.run(`CREATE (:Nation:Seeded {code: 'SRB', name: 'Serbia', cowCode: 340, origin: 'seed', seedKey: 'Nation:SRB'})`));
    const first = await atop();
    expect(first.issues.filter((i) => i.kind === 'seeded-cow-code-differs').map((i) => i.message)).toEqual([
      'the seeds give SRB COW code 340, the COW list gives SRB to COW 345 (Yugoslavia); the seeds\' value is kept',
    ]);
    expect(await natoNodes()).toEqual([{ id: 'north-atlantic-treaty', name: 'North Atlantic Treaty', seeded: true, parties: 42 }]);
    expect(await one('MATCH (t:Treaty {id: "north-atlantic-treaty"}) RETURN t {.origin, .enteredIntoForceOn, .cow4Id} AS v'))
      .toEqual({ origin: 'seed', enteredIntoForceOn: '1949-08-24', cow4Id: 227 });
    expect(await one('MATCH (:Treaty {id: "north-atlantic-treaty"})-[:CITES]->(s:Source) RETURN collect(s.id) AS v')).toEqual(['atop-5-1']);
    expect(await one('MATCH (t:Treaty {id: "atop-3180"}) RETURN count(t) AS v')).toBe(0);
    expect(first.counts.find((c) => c.kind === 'treaties')).toMatchObject({ created: 789 });
    // The seeded nation keeps its name; it is joined, not rewritten, and gets no COW periods of its own.
    expect(await one('MATCH (n:Nation {code: "DEU"}) RETURN n {.name, .origin, periods: COUNT { (n)-[:EXISTED]->() }} AS v'))
      .toEqual({ name: 'Germany', origin: 'seed', periods: 0 });
    expect(changed(await atop())).toEqual([]);
  });

  it('counts ATOP\'s memberships, not the seeds\' parties of the same treaty', async () => {
    await seedNato();
    await atop();
    // The seeds make Germany (DEU) a NATO party from 1955; ATOP records West Germany (XGFR) until 1990 and
    // Germany from then. A PARTY_TO counts for the ATOP source only when it cites ATOP.
    for (const [party, ccode, year] of [['DEU', '255', 1960], ['XGFR', '260', 1960], ['DEU', '255', 1991]] as const) {
      expect(await countFor(party, year)).toBe(atopCount(ccode, year));
    }
    expect(atopCount('255', 1960)).toBe(0);
    expect(await one(`MATCH (:Nation {code: 'DEU'})-[r:PARTY_TO]->(:Treaty {atopId: 3180}) RETURN collect(r.origin) AS v`)).toEqual(expect.arrayContaining(['seed', 'atop']));
  });

  // Seeds first, then seeds second: there the seed loader adopts ATOP's node (found by its atopId), so
  // there is never a second NATO, not even before the next import.
  it('with the real seed pack, in either order, NATO stays one treaty and reruns change nothing', async () => {
    await loadSeeds(graph, { dir: SEEDS_DIR });
    const joined = await atop();
    expect(joined.issues.filter((i) => i.kind === 'seeded-cow-code-differs')).toEqual([]);
    expect(await natoNodes()).toEqual([expect.objectContaining({ id: 'north-atlantic-treaty', seeded: true, parties: 42 })]);
    expect(await loadSeeds(graph, { dir: SEEDS_DIR })).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(changed(await atop())).toEqual([]);
    const seededWithAtopId = await one<number>('MATCH (t:Treaty:Seeded) WHERE t.atopId IS NOT NULL RETURN count(t) AS v');
    const duplicates = await one<number>('MATCH (t:Treaty) WHERE t.atopId IS NOT NULL WITH toInteger(t.atopId) AS id, count(*) AS n WHERE n > 1 RETURN count(id) AS v');
    expect(seededWithAtopId).toBeGreaterThan(0);
    expect(duplicates).toBe(0);

    await clearDatabase(graph);
    await atop();
    await loadSeeds(graph, { dir: SEEDS_DIR });
    expect(await one<number>('MATCH (t:Treaty) WHERE t.atopId IS NOT NULL WITH toInteger(t.atopId) AS id, count(*) AS n WHERE n > 1 RETURN count(id) AS v')).toBe(0);
    expect(await one('MATCH (:Nation)-[r:PARTY_TO {origin: "atop"}]->(:Treaty {id: "north-atlantic-treaty"}) RETURN count(r) > 0 AS v')).toBe(true);
    await atop();
    expect(await one<number>('MATCH (t:Treaty) WHERE t.atopId IS NOT NULL WITH toInteger(t.atopId) AS id, count(*) AS n WHERE n > 1 RETURN count(id) AS v')).toBe(0);
    expect(await natoNodes()).toEqual([expect.objectContaining({ id: 'north-atlantic-treaty', seeded: true, parties: 42 })]);
    expect(await one('MATCH (:Treaty {id: "north-atlantic-treaty"})-[:HAS_PROVISION]->(p:Provision {origin: "atop"}) RETURN count(p) AS v')).toBe(3);
    expect(await one('MATCH (t:Treaty {id: "atop-3180"}) RETURN count(t) AS v')).toBe(0);
    expect(await countFor('USA', 1960)).toBe(atopCount('2', 1960));
    expect(changed(await atop())).toEqual([]);
  });

  // The seeds' record of a membership stands for it only while the seeds hold the treaty: a treaty file taken
  // out of the pack releases the treaty to ATOP, whose dates then answer, and putting it back restores theirs.
  it("answers by the seeds' record of a membership while the seeds hold the treaty, and by ATOP's once they let it go", async () => {
    const pack = mkdtempSync(join(tmpdir(), 'entente-seeds-'));
    try {
      cpSync(SEEDS_DIR, pack, { recursive: true });
      await loadSeeds(graph, { dir: SEEDS_DIR });
      await atop();
      const { treaty } = await dataOf(apiClient(graph)<{ treaty: { enteredIntoForceOn: string } }>('{ treaty(id: "sino-dprk-1961") { enteredIntoForceOn } }'));
      expect(await chinaDefendsKoreaSince()).toBe(treaty.enteredIntoForceOn);

      rmSync(join(pack, 'treaties', 'sino-dprk-1961.yaml'));
      await loadSeeds(graph, { dir: pack });
      expect(await one('MATCH (t:Treaty {atopId: 3445}) RETURN [t:Seeded, t.seededParties] AS v')).toEqual([false, null]);
      expect(await chinaDefendsKoreaSince()).toBe(atopEntry('3445', '731'));

      await loadSeeds(graph, { dir: SEEDS_DIR });
      expect(await chinaDefendsKoreaSince()).toBe(treaty.enteredIntoForceOn);
    } finally {
      rmSync(pack, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!DATA.present)(`Asking ATOP through GraphQL with the seeds loaded${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
  beforeAll(async () => {
    await applySchema(graph);
    await clearDatabase(graph);
    await atop();
    await loadSeeds(graph, { dir: SEEDS_DIR });
    // This import moves ATOP's links (parties, provisions, the citation with its period) onto the seeded treaties.
    await atop();
  });

  it("counts ATOP's obligations, not the seeds' provisions of the same treaty", async () => {
    // The seeds code the 1961 Soviet-DPRK treaty (ATOP 3440) with a consultation article; ATOP does not.
    expect(await one<string[]>(`MATCH (t:Treaty {atopId: 3440})-[:HAS_PROVISION]->(p:Provision) RETURN collect(DISTINCT p.origin + ' ' + p.obligation) AS v`))
      .toContain('seed CONSULTATION');
    const consul = csvObjects(join(DATA.atopDir, 'atop5_1a.csv')).filter((a) => a.consul === '1').length;
    const data = await dataOf(apiClient(graph)(`{
      atop: treaties(filter: {source: "ATOP 5.1", obligation: CONSULTATION}) { totalCount }
      any: treaties(filter: {obligation: CONSULTATION}) { totalCount } }`));
    expect(data.atop.totalCount).toBe(consul);
    expect(data.any.totalCount).toBeGreaterThan(consul);
  });

  it("counts the alliances in force each year by ATOP's dates, not the seeds' dates of the same treaty", async () => {
    const alliances = csvObjects(join(DATA.atopDir, 'atop5_1a.csv')).map((a) => ({ from: Number(a.begyr), to: Number(a.endyr) || 2018 }));
    const gql = apiClient(graph);
    const mismatches: string[] = [];
    // NATO's seeds date it from its entry into force (1949-08-24), ATOP from its signature (1949-04-04);
    // the Soviet-DPRK treaty's end is disputed in the seeds (1995 or 1996).
    for (const year of [1815, 1849, 1900, 1949, 1961, 1990, 1995, 1996, 2018]) {
      const { treaties } = await dataOf(gql<{ treaties: { totalCount: number } }>(
        'query($from: Date!, $to: Date!) { treaties(filter: {source: "ATOP 5.1", inForceDuring: {from: $from, to: $to}}) { totalCount } }',
        { from: `${year}-01-01`, to: `${year}-12-31` }));
      const expected = alliances.filter((a) => a.from <= year && year <= a.to).length;
      if (treaties.totalCount !== expected) mismatches.push(`${year}: ATOP ${expected}, GraphQL ${treaties.totalCount}`);
    }
    expect(mismatches).toEqual([]);
    expect(await one<number>(`MATCH (:Treaty {id: 'north-atlantic-treaty'})-[c:CITES {origin: 'atop'}]->() RETURN toString(c.fromDate) AS v`)).toBe('1949-04-04');
  });

  it("has each seeded nation exist on exactly COW's days, the first and the last of each spell included", async () => {
    const day = (y: string, m: string, d: string) => `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const spells = csvObjects(DATA.statesFile).map((r) => ({
      code: Number(r.ccode), from: day(r.styear!, r.stmonth!, r.stday!), to: day(r.endyear!, r.endmonth!, r.endday!),
    }));
    const seeded = await graph.readText<{ code: string; cowCode: number }>(
      `MATCH (n:Nation:Seeded) WHERE n.cowCode IS NOT NULL RETURN n.code AS code, toInteger(n.cowCode) AS cowCode ORDER BY code`);
    const gql = apiClient(graph);
    const mismatches: string[] = [];
    for (const { code, cowCode } of seeded) {
      // seeds/nations.yaml gives DEU the German Federal Republic's spell (COW 260) too, and says why.
      const own = spells.filter((s) => s.code === cowCode || (code === 'DEU' && s.code === 260));
      // COW's spells end in 2016; the seeds leave a state that still exists open.
      const covered = (d: string) => own.some((s) => s.from <= d && (d <= s.to || s.to === '2016-12-31'));
      for (const d of new Set(own.flatMap((s) => [addDays(s.from, -1), s.from, s.to, dayAfter(s.to)]))) {
        if (d > '2016-12-31') continue;
        const { nations } = await dataOf(gql<{ nations: { edges: { node: { code: string } }[] } }>(
          'query($d: Date!, $c: Int!) { nations(filter: {existedOn: $d, cowCode: $c}) { edges { node { code } } } }', { d, c: cowCode }));
        const exists = nations.edges.some((e) => e.node.code === code);
        if (exists !== covered(d)) mismatches.push(`${code} on ${d}: COW ${covered(d) ? 'a member' : 'not a member'}, GraphQL ${exists ? 'exists' : 'does not'}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(seeded.length).toBeGreaterThan(20);
  });

  // ATOP dates an alliance from its signature, the seeds from its entry into force: China has been bound to
  // defend North Korea since 10 September 1961 by the seeds, since 11 July by ATOP. Where the seeds record a
  // membership, their record answers every question that names no source; ATOP's answers under its own.
  it("reads a membership from the seeds' record where they have one, and from ATOP's under its source", async () => {
    const gql = apiClient(graph);
    const { treaty } = await dataOf(gql<{ treaty: { enteredIntoForceOn: string; atopId: number } }>(
      '{ treaty(id: "sino-dprk-1961") { enteredIntoForceOn atopId } }'));
    const atopStart = atopEntry(String(treaty.atopId), '731');
    expect(atopStart < treaty.enteredIntoForceOn).toBe(true);
    const before = addDays(treaty.enteredIntoForceOn, -1);
    type Ids = { id: string }[];
    const data = await dataOf(gql<{
      before: { nation: { code: string } }[]; between: Ids; path: { hops: { treaty: { id: string } }[] } | null;
      any: { edges: { node: { id: string } }[] }; atop: { edges: { node: { id: string } }[] };
      network: { edges: { treaties: Ids }[] }; timeline: { date: string; kind: string; treaty: { id: string } | null }[];
      allies: { nation: { code: string }; since: string }[];
    }>(`query($before: Date!) {
      before: defendersOf(code: "PRK", asOf: $before) { nation { code } }
      between: treatiesBetween(a: "CHN", b: "PRK", asOf: $before) { id }
      path: alliancePath(from: "CHN", to: "PRK", asOf: $before) { hops { treaty { id } } }
      any: treaties(filter: {party: "PRK", inForceOn: $before}) { edges { node { id } } }
      atop: treaties(filter: {party: "PRK", source: "ATOP 5.1", inForceOn: $before}) { edges { node { id } } }
      network: allianceNetwork(asOf: $before) { edges { treaties { id } } }
      timeline(code: "PRK", during: {from: "1961-01-01", to: "1961-12-31"}) { date kind treaty { id } }
      allies: alliesOf(code: "PRK") { nation { code } since }
    }`, { before }));
    expect(await chinaDefendsKoreaSince()).toBe(treaty.enteredIntoForceOn);
    expect(data.allies.find((a) => a.nation.code === 'CHN')?.since).toBe(treaty.enteredIntoForceOn);
    expect(data.before.map((d) => d.nation.code)).not.toContain('CHN');
    expect(data.between.map((t) => t.id)).not.toContain('sino-dprk-1961');
    expect((data.path?.hops ?? []).map((h) => h.treaty.id)).not.toContain('sino-dprk-1961');
    expect(data.any.edges.map((e) => e.node.id)).not.toContain('sino-dprk-1961');
    expect(data.atop.edges.map((e) => e.node.id)).toContain('sino-dprk-1961');
    expect(data.network.edges.flatMap((e) => e.treaties.map((t) => t.id))).not.toContain('sino-dprk-1961');
    // The seeds list North Korea as an original party: it signed, and the treaty entered into force; ATOP's
    // record alone would add an accession on the day of signature.
    expect(data.timeline.filter((e) => e.treaty?.id === 'sino-dprk-1961').map((e) => e.kind).sort()).toEqual(['ENTRY_INTO_FORCE', 'SIGNATURE']);
    // Each record says whether it is the one that answers (the dashboard's treaty panel lists those).
    const { nato } = await dataOf(gql<{ nato: { parties: { nation: { code: string }; standing: boolean; sources: { id: string }[] }[] } }>(
      '{ nato: treaty(id: "north-atlantic-treaty") { parties { nation { code } standing sources { id } } } }'));
    const standing = (code: string, atop: boolean) => nato.parties
      .filter((p) => p.nation.code === code && p.sources.some((x) => x.id === 'atop-5-1') === atop).map((p) => p.standing);
    expect(standing('FRA', false)).toEqual([true]);
    expect(new Set(standing('FRA', true))).toEqual(new Set([false]));
    expect(standing('XGFR', true)).toEqual([true]);
  });

  // The same over every membership both record: on the day before the seeds' record begins, the treaty is not
  // in force for that nation, whatever ATOP's record says; under ATOP's source, ATOP's record decides.
  it("holds for every membership that both the seeds and ATOP record", async () => {
    const both = await graph.readText<{ code: string; id: string; seedFrom: string; atop: [string, string | null][] }>(
      `MATCH (n:Nation)-[s:PARTY_TO {origin: 'seed'}]->(t:Treaty)<-[a:PARTY_TO {origin: 'atop'}]-(n)
       RETURN n.code AS code, t.id AS id, toString(s.fromDate) AS seedFrom,
         collect([toString(a.fromDate), toString(a.untilDate)]) AS atop ORDER BY id, code`);
    expect(both.length).toBeGreaterThan(30);
    const gql = apiClient(graph);
    const wrong: string[] = [];
    for (const m of both) {
      const day = addDays(m.seedFrom, -1);
      const atopCovers = m.atop.some(([from, until]) => from <= day && (until === null || until > day));
      const data = await dataOf(gql<{ any: { edges: { node: { id: string } }[] }; atop: { edges: { node: { id: string } }[] } }>(
        `query($code: ID!, $day: Date!) {
          any: treaties(filter: {party: $code, inForceOn: $day}, first: 100) { edges { node { id } } }
          atop: treaties(filter: {party: $code, source: "ATOP 5.1", inForceOn: $day}, first: 100) { edges { node { id } } } }`,
        { code: m.code, day }));
      if (data.any.edges.some((e) => e.node.id === m.id)) wrong.push(`${m.code} in ${m.id} on ${day}: in force without a source`);
      if (atopCovers !== data.atop.edges.some((e) => e.node.id === m.id)) wrong.push(`${m.code} in ${m.id} on ${day}: ATOP's record ${atopCovers ? 'covers' : 'does not cover'} it`);
    }
    expect(wrong).toEqual([]);
    expect(both.filter((m) => m.atop.some(([from]) => from < m.seedFrom)).length).toBeGreaterThan(30);
  });

  it('finds a joined treaty by the id ATOP would give it: treaty(id: "atop-3180") is the North Atlantic Treaty', async () => {
    const data = await dataOf(apiClient(graph)(`{
      nato: treaty(id: "atop-3180") { id atopId } own: treaty(id: "atop-1005") { id atopId }
      seeded: treaty(id: "north-atlantic-treaty") { id } none: treaty(id: "atop-99999") { id } }`));
    expect(data).toEqual({
      nato: { id: 'north-atlantic-treaty', atopId: 3180 }, own: { id: 'atop-1005', atopId: 1005 },
      seeded: { id: 'north-atlantic-treaty' }, none: null,
    });
  });
});
