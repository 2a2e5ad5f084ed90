/**
 * Exactness: for every COW state and every year from 1815 to 2018, the number of ATOP alliances the graph
 * counts for the state in that year (a membership overlapping [YYYY-01-01, YYYY-12-31], treaties counted
 * once) equals the number ATOP itself records. The reference is computed here from ATOP's own member table,
 * independently of the importer: a state is in alliance A in year Y when yrent <= Y <= yrexit, a yrexit of 0
 * meaning "still a member at the end of 2018". The same holds for the COW state list: the nations that
 * existed on a day are the states the list has in the system on it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { dayAfter } from '../../src/model/dates.ts';
import { importAtop } from '../../src/import/atop/index.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { clearDatabase, testGraph, testGraphOptions } from '../support/graph.ts';
import { query, startServerProcess } from '../support/server.ts';
import { csvObjects, DATA } from './data.ts';
// The benchmark's seeded generator (mulberry32), so the sample is the same on every run.
import { random } from '../../bench/generate.ts';

const FIRST = 1815;
const LAST = 2018;
const graph = testGraph();

/** ATOP's count per COW code and year: `${ccode}/${year}` → alliance ids. */
function referenceCounts(states: ReadonlySet<number>): { counts: Map<string, number>; skipped: Set<number> } {
  const alliances = new Map<string, Set<string>>();
  const skipped = new Set<number>();
  for (const row of csvObjects(join(DATA.atopDir, 'atop5_1m.csv'))) {
    const ccode = Number(row.member);
    if (!states.has(ccode)) {
      skipped.add(ccode);
      continue;
    }
    const exit = Number(row.yrexit) === 0 ? LAST : Number(row.yrexit);
    for (let year = Number(row.yrent); year <= exit; year += 1) {
      const key = `${ccode}/${year}`;
      alliances.set(key, (alliances.get(key) ?? new Set()).add(row.atopid!));
    }
  }
  return { counts: new Map([...alliances].map(([k, v]) => [k, v.size])), skipped };
}


describe.skipIf(!DATA.present)(`ATOP state-year exactness${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
  let codeOf: Map<number, string>;
  let reference: Map<string, number>;
  let states: number[];

  beforeAll(async () => {
    await applySchema(graph);
    await clearDatabase(graph);
    await importAtop(graph, { dir: DATA.atopDir, statesFile: DATA.statesFile, crosswalkFile: DATA.crosswalkFile });
    states = [...new Set(csvObjects(DATA.statesFile).map((r) => Number(r.ccode)))].sort((a, b) => a - b);
    const nations = await graph.readText<{ code: string; cowCode: number }>('MATCH (n:Nation) WHERE n.cowCode IS NOT NULL RETURN n.code AS code, n.cowCode AS cowCode');
    codeOf = new Map(nations.map((n) => [n.cowCode, n.code]));
    const { counts, skipped } = referenceCounts(new Set(states));
    expect([...skipped]).toEqual([8152]);
    reference = counts;
  });
  afterAll(async () => {
    await graph.close();
  });

  it('gives every COW state a nation of its own', () => {
    expect(states).toHaveLength(217);
    expect(states.every((c) => codeOf.has(c))).toBe(true);
    expect(new Set(states.map((c) => codeOf.get(c))).size).toBe(217);
  });

  it('counts exactly what ATOP records, for all 217 states x 204 years (one aggregation)', async () => {
    const rows = await graph.read<{ party: string; year: number; alliances: number }>('import/count-atop-state-years', {
      source: 'ATOP 5.1', fromYear: FIRST, toYear: LAST,
    });
    const got = new Map(rows.map((r) => [`${r.party}/${r.year}`, r.alliances]));
    const mismatches: string[] = [];
    let compared = 0;
    let allied = 0;
    for (const ccode of states) {
      for (let year = FIRST; year <= LAST; year += 1) {
        const expected = reference.get(`${ccode}/${year}`) ?? 0;
        const actual = got.get(`${codeOf.get(ccode)}/${year}`) ?? 0;
        compared += 1;
        if (expected > 0) allied += 1;
        if (expected !== actual) mismatches.push(`${codeOf.get(ccode)} (COW ${ccode}) ${year}: ATOP ${expected}, graph ${actual}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(217 * 204);
    // Every state-year in which ATOP records any alliance, and nothing more.
    expect(allied).toBe(reference.size);
    expect(got.size).toBe(reference.size);
  });

  it('counts the alliances in force each year as the alliance file dates them, through GraphQL, 1815 to 2018', async () => {
    const gql = apiClient(graph);
    // In force in year Y: begyr <= Y <= endyr, an endyr of 0 meaning "still in force at the end of 2018".
    // This counts ATOP 1020 in 1849 and 2340 from 1962 to 1995, years no member of theirs is in.
    const alliances = csvObjects(join(DATA.atopDir, 'atop5_1a.csv')).map((a) => ({ from: Number(a.begyr), to: Number(a.endyr) || LAST }));
    const mismatches: string[] = [];
    for (let year = FIRST; year <= LAST; year += 1) {
      const expected = alliances.filter((a) => a.from <= year && year <= a.to).length;
      const { treaties } = await dataOf(gql<{ treaties: { totalCount: number } }>(
        'query($from: Date!, $to: Date!) { treaties(filter: {source: "ATOP 5.1", inForceDuring: {from: $from, to: $to}}) { totalCount } }',
        { from: `${year}-01-01`, to: `${year}-12-31` }));
      if (treaties.totalCount !== expected) mismatches.push(`${year}: ATOP ${expected}, GraphQL ${treaties.totalCount}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("counts the COW state system's members on a day through nations(filter: {existedOn}), 1816 to 2016", async () => {
    const gql = apiClient(graph);
    const day = (y: string, m: string, d: string) => `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const spells = csvObjects(DATA.statesFile).map((r) => ({
      code: Number(r.ccode), from: day(r.styear!, r.stmonth!, r.stday!), to: day(r.endyear!, r.endmonth!, r.endday!),
    }));
    // The first and last day of every year, and the days states entered or left the system and the days after.
    const days = new Set<string>();
    for (let year = 1816; year <= 2016; year += 1) days.add(`${year}-01-01`).add(`${year}-12-31`);
    for (const s of spells) days.add(s.from).add(s.to).add(dayAfter(s.to));
    const mismatches: string[] = [];
    for (const d of [...days].filter((d) => d >= '1816-01-01' && d <= '2016-12-31').sort()) {
      const expected = spells.filter((s) => s.from <= d && d <= s.to);
      const { nations } = await dataOf(gql<{ nations: { totalCount: number; edges: { node: { cowCode: number } }[] } }>(
        'query($d: Date!) { nations(filter: {existedOn: $d}, first: 100) { totalCount edges { node { cowCode } } } }', { d }));
      if (nations.totalCount !== expected.length) mismatches.push(`${d}: COW ${expected.length}, GraphQL ${nations.totalCount}`);
      else if (expected.length <= 100 && nations.edges.some((e) => !expected.some((s) => s.code === e.node.cowCode))) mismatches.push(`${d}: another state than COW's`);
    }
    expect(mismatches).toEqual([]);
    expect(days.size).toBeGreaterThan(600);
    // COW's own figures: 23 states in 1816, 195 at the end of 2016.
    expect((await dataOf(gql('{ a: nations(filter: {existedOn: "1816-01-01"}) { totalCount } b: nations(filter: {existedOn: "2016-12-31"}) { totalCount } }')))).toEqual({ a: { totalCount: 23 }, b: { totalCount: 195 } });
  });

  it('gives the same counts through the single-state query the API answers, on a broad fixed sample', async () => {
    const next = random(20_180_101);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const members = csvObjects(join(DATA.atopDir, 'atop5_1m.csv')).filter((m) => m.member !== '8152');
    const sample = new Set<string>();
    // A third around entries and exits (the years a date convention could get wrong), a third where ATOP
    // records alliances, a third anywhere (mostly years without any).
    while (sample.size < 150) {
      const m = pick(members);
      const exit = Number(m.yrexit) || LAST;
      const year = pick([Number(m.yrent) - 1, Number(m.yrent), exit, exit + 1]);
      if (year >= FIRST && year <= LAST) sample.add(`${m.member}/${year}`);
    }
    const allied = [...reference.keys()];
    while (sample.size < 300) sample.add(pick(allied));
    while (sample.size < 450) sample.add(`${pick(states)}/${FIRST + Math.floor(next() * (LAST - FIRST + 1))}`);

    const mismatches: string[] = [];
    for (const key of sample) {
      const [ccode, year] = key.split('/').map(Number) as [number, number];
      const [row] = await graph.read<{ alliances: number }>('import/count-atop-by-state-year', {
        party: codeOf.get(ccode), source: 'ATOP 5.1', from: `${year}-01-01`, to: `${year}-12-31`,
      });
      const expected = reference.get(key) ?? 0;
      if (row?.alliances !== expected) mismatches.push(`${codeOf.get(ccode)} ${year}: ATOP ${expected}, graph ${row?.alliances}`);
    }
    expect(mismatches).toEqual([]);
    expect(sample.size).toBe(450);
  });

  it('gives the same counts through GraphQL: treaties(filter: {party, source: "ATOP 5.1", inForceDuring}) { totalCount }', async () => {
    const server = await startServerProcess(testGraphOptions());
    try {
      const next = random(1815);
      const allied = [...reference.keys()];
      const sample = new Set<string>();
      while (sample.size < 60) sample.add(allied[Math.floor(next() * allied.length)]!);
      while (sample.size < 100) sample.add(`${states[Math.floor(next() * states.length)]}/${FIRST + Math.floor(next() * (LAST - FIRST + 1))}`);
      const mismatches: string[] = [];
      for (const key of sample) {
        const [ccode, year] = key.split('/').map(Number) as [number, number];
        const answer = await query(server.url, {
          query: 'query Count($party: ID!, $from: Date!, $to: Date!) { treaties(filter: {party: $party, source: "ATOP 5.1", inForceDuring: {from: $from, to: $to}}) { totalCount } }',
          variables: { party: codeOf.get(ccode), from: `${year}-01-01`, to: `${year}-12-31` },
        });
        const got = (answer.json?.data?.treaties as { totalCount: number } | undefined)?.totalCount;
        const expected = reference.get(key) ?? 0;
        if (got !== expected) mismatches.push(`${codeOf.get(ccode)} ${year}: ATOP ${expected}, GraphQL ${got ?? JSON.stringify(answer.json?.errors)}`);
      }
      expect(mismatches).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('answers the same pairs through allianceNetwork and alliesOf (all treaties, and defence only), at ATOP scale', async () => {
    const server = await startServerProcess(testGraphOptions());
    try {
      type Edge = { a: { code: string }; b: { code: string }; treaties: { id: string; signedOn: string }[] };
      // One network a request: with both in one request, one full run (2026-11-30) got DATABASE_ERROR for the
      // second, on the test instance's 512 MiB heap under the suite's load; the cause was not kept. On an error,
      // the failure now shows the server's log, which names the database's own error code.
      const ask = async (fields: string) => {
        const answer = await query(server.url, { query: `query($asOf: Date!) { ${fields} }`, variables: { asOf: '1990-06-01' } });
        expect(answer.json?.errors, server.output()).toBeUndefined();
        return answer.json!.data!;
      };
      const { net, usa } = await ask(`
        net: allianceNetwork(asOf: $asOf, source: "ATOP 5.1") { nodes { code } edges { a { code } b { code } treaties { id signedOn } } }
        usa: alliesOf(code: "USA", asOf: $asOf) { nation { code } treaties { id } }`) as { net: { nodes: { code: string }[]; edges: Edge[] }; usa: { nation: { code: string }; treaties: { id: string }[] }[] };
      const { defence, rus } = await ask(`
        defence: allianceNetwork(asOf: $asOf, source: "ATOP 5.1", obligations: [DEFENSE]) { edges { a { code } b { code } treaties { id } } }
        rus: alliesOf(code: "RUS", asOf: $asOf, obligations: [DEFENSE]) { nation { code } treaties { id } }`) as { defence: { edges: Edge[] }; rus: typeof usa };
      // The nodes are exactly the nations at an end of an edge, each once.
      const ends = new Set(net.edges.flatMap((e) => [e.a.code, e.b.code]));
      expect(net.nodes.map((n) => n.code).sort()).toEqual([...ends].sort());
      // Each pair's treaties come in signing order; ATOP has pairs with several, so this is tested.
      expect(net.edges.filter((e) => new Set(e.treaties.map((t) => t.signedOn)).size > 1).length).toBeGreaterThan(100);
      for (const e of net.edges) {
        const signed = e.treaties.map((t) => t.signedOn);
        expect(signed).toEqual([...signed].sort());
      }
      // One nation's edges are its allies, with the same treaties (two different queries of the graph).
      const around = (edges: Edge[], code: string) =>
        edges.filter((e) => e.a.code === code || e.b.code === code)
          .map((e) => `${e.a.code === code ? e.b.code : e.a.code}: ${e.treaties.map((t) => t.id).sort().join(' ')}`).sort();
      const allies = (list: typeof usa) => list.map((x) => `${x.nation.code}: ${x.treaties.map((t) => t.id).sort().join(' ')}`).sort();
      expect(usa.length).toBeGreaterThan(50);
      expect(allies(usa)).toEqual(around(net.edges, 'USA'));
      expect(rus.length).toBeGreaterThan(5);
      expect(allies(rus)).toEqual(around(defence.edges, 'RUS'));
    } finally {
      await server.stop();
    }
  });
  it('finds alliancePath chains exactly as long as the shortest ones in allianceNetwork, at ATOP scale', async () => {
    const server = await startServerProcess(testGraphOptions());
    try {
      type Edge = { a: { code: string }; b: { code: string }; treaties: { id: string }[] };
      type Path = { nations: { code: string }[]; hops: { from: { code: string }; to: { code: string }; treaty: { id: string } }[] } | null;
      const asOf = '1990-06-01';
      const sample = random(1990);
      let chains = 0;
      for (const obligations of [null, ['DEFENSE']]) {
        const network = await query(server.url, {
          query: 'query($asOf: Date!, $o: [Obligation!]) { allianceNetwork(asOf: $asOf, obligations: $o) { nodes { code } edges { a { code } b { code } treaties { id } } } }',
          variables: { asOf, o: obligations },
        });
        expect(network.json?.errors).toBeUndefined();
        const { nodes, edges } = (network.json!.data as { allianceNetwork: { nodes: { code: string }[]; edges: Edge[] } }).allianceNetwork;
        // The reference: breadth-first distances over the network's pairs, computed here.
        const treatiesOf = new Map<string, Set<string>>();
        const neighbours = new Map<string, string[]>();
        for (const e of edges) {
          treatiesOf.set(`${e.a.code} ${e.b.code}`, new Set(e.treaties.map((t) => t.id)));
          treatiesOf.set(`${e.b.code} ${e.a.code}`, new Set(e.treaties.map((t) => t.id)));
          neighbours.set(e.a.code, [...(neighbours.get(e.a.code) ?? []), e.b.code]);
          neighbours.set(e.b.code, [...(neighbours.get(e.b.code) ?? []), e.a.code]);
        }
        const distance = (from: string, to: string): number | null => {
          const seen = new Map([[from, 0]]);
          let frontier = [from];
          for (let d = 1; d <= 4 && frontier.length > 0; d += 1) {
            const next: string[] = [];
            for (const x of frontier) for (const y of neighbours.get(x) ?? []) if (!seen.has(y)) seen.set(y, d), next.push(y);
            frontier = next;
          }
          return seen.get(to) ?? null;
        };
        const codes = nodes.map((n) => n.code).sort();
        for (let i = 0; i < 25; i += 1) {
          const from = codes[Math.floor(sample() * codes.length)]!;
          const to = codes[Math.floor(sample() * codes.length)]!;
          if (from === to) continue;
          const answer = await query(server.url, {
            query: 'query($from: ID!, $to: ID!, $asOf: Date, $o: [Obligation!]) { alliancePath(from: $from, to: $to, asOf: $asOf, obligations: $o) { nations { code } hops { from { code } to { code } treaty { id } } } }',
            variables: { from, to, asOf, o: obligations },
          });
          expect(answer.json?.errors).toBeUndefined();
          const path = (answer.json!.data as { alliancePath: Path }).alliancePath;
          const expected = distance(from, to);
          expect({ from, to, obligations, hops: path?.hops.length ?? null }).toEqual({ from, to, obligations, hops: expected });
          if (!path) continue;
          chains += 1;
          // Each hop is a pair of the network, by one of that pair's treaties, and the hops join up.
          expect(path.nations.map((n) => n.code)).toEqual([from, ...path.hops.map((h) => h.to.code)]);
          for (const hop of path.hops) expect(treatiesOf.get(`${hop.from.code} ${hop.to.code}`)?.has(hop.treaty.id)).toBe(true);
        }
      }
      expect(chains).toBeGreaterThan(20);
    } finally {
      await server.stop();
    }
  });
  it('lists ATOP alliances by signature: signedDuring a year gives those ATOP says began in it, in signing order', async () => {
    const server = await startServerProcess(testGraphOptions());
    try {
      const began = new Map<number, string[]>();
      for (const row of csvObjects(join(DATA.atopDir, 'atop5_1a.csv'))) {
        const year = Number(row.begyr);
        began.set(year, [...(began.get(year) ?? []), `atop-${row.atopid}`]);
      }
      for (const year of [1815, 1914, 1939, 1949, 1990, 2005]) {
        const answer = await query(server.url, {
          query: `query($from: Date!, $to: Date!) { treaties(first: 100, filter: { source: "ATOP 5.1", signedDuring: { from: $from, to: $to } }) {
            totalCount edges { node { id signedOn } } } }`,
          variables: { from: `${year}-01-01`, to: `${year}-12-31` },
        });
        expect(answer.json?.errors).toBeUndefined();
        const page = (answer.json!.data as { treaties: { totalCount: number; edges: { node: { id: string; signedOn: string } }[] } }).treaties;
        expect({ year, ids: page.edges.map((e) => e.node.id).sort() }).toEqual({ year, ids: [...(began.get(year) ?? [])].sort() });
        expect(page.totalCount).toBe(began.get(year)?.length ?? 0);
      }
      // The whole list, unfiltered, pages in signing order (a date ATOP gives to the month sorts by its first day).
      const firstDays: string[] = [];
      let after: string | null = null;
      for (let pageNo = 0; pageNo < 5; pageNo += 1) {
        const answer = await query(server.url, {
          query: 'query($after: String) { treaties(first: 100, after: $after) { edges { node { signedOn } } pageInfo { endCursor } } }',
          variables: { after },
        });
        const page = (answer.json!.data as { treaties: { edges: { node: { signedOn: string | null } }[]; pageInfo: { endCursor: string } } }).treaties;
        firstDays.push(...page.edges.map((e) => (e.node.signedOn ?? '9999').padEnd(10, '-01').slice(0, 10)));
        after = page.pageInfo.endCursor;
      }
      expect(firstDays).toHaveLength(500);
      expect(firstDays).toEqual([...firstDays].sort());
    } finally {
      await server.stop();
    }
  });
});
