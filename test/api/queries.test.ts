/**
 * The relationship queries of the GraphQL contract over the seeded graph: their meaning at date boundaries,
 * unknown codes, bad arguments, pagination across pages, and one database round trip per root field.
 */
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema as buildSdl, findBreakingChanges, findDangerousChanges, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../src/api/schema.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { seedTestDatabase, testGraph } from '../support/graph.ts';

const graph = testGraph();
const gql = apiClient(graph);
const q = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => dataOf<T>(gql<T>(query, variables));
const codes = (list: { nation: { code: string } }[]) => list.map((x) => x.nation.code);
const ids = (list: { id: string }[]) => list.map((x) => x.id);

beforeAll(async () => {
  await seedTestDatabase(graph);
});
afterAll(() => graph.close());

describe('the schema', () => {
  it('served is exactly the SDL in src/api/schema.graphql', async () => {
    const { data } = await gql(getIntrospectionQuery());
    const served = lexicographicSortSchema(buildClientSchema(data as never));
    const file = lexicographicSortSchema(buildSdl(readFileSync(SCHEMA_FILE, 'utf8')));
    expect(findBreakingChanges(file, served)).toEqual([]);
    expect(findDangerousChanges(file, served)).toEqual([]);
    expect(printSchema(served)).toBe(printSchema(file));
  });
});

describe('nation, nations, leader, treaty', () => {
  it('an unknown code or id answers null', async () => {
    expect(await q('{ nation(code: "XXX") { code } treaty(id: "no-such-treaty") { id } leader(id: "nobody") { id } }')).toEqual({ nation: null, treaty: null, leader: null });
  });

  it('answers under any response key, at every level, __proto__ and constructor included', async () => {
    const query = `{ __proto__: nation(code: "PRK") { __proto__: code constructor: name treaties { __proto__: id } }
      treaties(first: 2) { __proto__: totalCount edges { __proto__: node { __proto__: id } } pageInfo { __proto__: hasNextPage } }
      allianceNetwork(asOf: "2024-12-04", region: "East Asia & Pacific") { __proto__: nodes { code } edges { __proto__: a { code } } } }`;
    const special = await gql(query);
    const plain = await gql(query.replaceAll('__proto__:', 'p:').replaceAll('constructor:', 'c:'));
    expect(plain.errors).toBeUndefined();
    expect((plain.data as { p: { p: string } }).p.p).toBe('PRK');
    expect(JSON.stringify(special)).toBe(JSON.stringify(plain).replaceAll('"p":', '"__proto__":').replaceAll('"c":', '"constructor":'));
  });

  it('filters nations by COW code, name (aliases too) and region', async () => {
    const data = await q(`{
      cow: nations(filter: { cowCode: 365 }) { edges { node { code } } }
      alias: nations(filter: { name: "dprk" }) { edges { node { code } } }
      region: nations(filter: { region: "east asia & pacific" }, first: 100) { totalCount edges { node { region } } }
    }`);
    expect(data.cow.edges).toEqual([{ node: { code: 'RUS' } }]);
    expect(data.alias.edges).toEqual([{ node: { code: 'PRK' } }]);
    expect(data.region.totalCount).toBeGreaterThanOrEqual(5);
    for (const e of data.region.edges) expect(e.node.region).toBe('East Asia & Pacific');
  });

  it('names a nation as it was named on a day: the USSR through December 1991, West Germany through 2 October 1990', async () => {
    const data = await q(`{
      rus: nation(code: "RUS") { d1922: nameOn(asOf: "1922-12-29") d1961: nameOn(asOf: "1961-12-31") d1991: nameOn(asOf: "1991-12-31") d1992: nameOn(asOf: "1992-01-01") today: nameOn name }
      deu: nation(code: "DEU") { d1940: nameOn(asOf: "1940-01-01") last: nameOn(asOf: "1990-10-02") after: nameOn(asOf: "1990-10-03") }
    }`);
    const ussr = 'Union of Soviet Socialist Republics';
    expect(data.rus).toEqual({ d1922: 'Russia', d1961: ussr, d1991: ussr, d1992: 'Russia', today: 'Russia', name: 'Russia' });
    expect(data.deu).toEqual({ d1940: 'Germany', last: 'German Federal Republic (West Germany)', after: 'Germany' });
  });

  it('a seeded nation exists on the last day of a COW spell, not on the day after', async () => {
    const data = await q(`{
      last: nations(filter: { existedOn: "1945-05-08", cowCode: 255 }) { totalCount }
      after: nations(filter: { existedOn: "1945-05-09", cowCode: 255 }) { totalCount }
    }`);
    expect(data).toEqual({ last: { totalCount: 1 }, after: { totalCount: 0 } });
  });

  it('pages through every nation with cursors, each once, in name order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page += 1) {
      const { nations }: { nations: any } = await q<{ nations: any }>('query ($after: String) { nations(first: 7, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } } }', { after });
      total = nations.totalCount;
      seen.push(...nations.edges.map((e: any) => e.node.name));
      expect(nations.pageInfo.hasPreviousPage).toBe(page > 0);
      expect(nations.pageInfo.endCursor).toBe(nations.edges.at(-1)?.cursor ?? null);
      if (!nations.pageInfo.hasNextPage) break;
      after = nations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('a leader lists the treaties they signed and their statements', async () => {
    const { leader } = await q('{ leader(id: "vladimir-putin") { name treatiesSigned { treaty { id } office signedOn } statements { date } } }');
    expect(leader.treatiesSigned).toEqual(expect.arrayContaining([{ treaty: { id: 'russia-dprk-2024' }, office: 'President of the Russian Federation', signedOn: '2024-06-19' }]));
    expect(leader.statements).toEqual([{ date: '2024-06-19' }]);
  });

  it("a nation's leaders on a date, organizations and timeline", async () => {
    const { usa, prk } = await q(`{
      usa: nation(code: "USA") { leaders(asOf: "2024-06-18") { leader { id } office } organizations(asOf: "2024-06-18") { organization { id } from } }
      prk: nation(code: "PRK") { timeline(during: { from: "2024-12-04", to: "2024-12-04" }) { date kind treaty { id } } }
    }`);
    expect(usa.leaders.map((t: any) => t.leader.id)).toEqual(expect.arrayContaining(['joe-biden', 'antony-blinken']));
    expect(usa.organizations).toEqual([{ organization: { id: 'nato' }, from: '1949-08-24' }]);
    expect(prk.timeline).toEqual(expect.arrayContaining([
      { date: '2024-12-04', kind: 'ENTRY_INTO_FORCE', treaty: { id: 'russia-dprk-2024' } },
      { date: '2024-12-04', kind: 'TERMINATION', treaty: { id: 'russia-dprk-2000' } },
    ]));
  });

  it('the status of a treaty follows from its dates', async () => {
    const { treaty } = await q(`{ treaty(id: "russia-dprk-2024") {
      before: status(asOf: "2024-12-03") on: status(asOf: "2024-12-04") today: status } }`);
    expect(treaty).toEqual({ before: 'NOT_IN_FORCE', on: 'IN_FORCE', today: 'IN_FORCE' });
    const old = await q('{ treaty(id: "russia-dprk-2000") { before: status(asOf: "2024-12-03") on: status(asOf: "2024-12-04") } }');
    expect(old.treaty).toEqual({ before: 'IN_FORCE', on: 'TERMINATED' });
  });
});

describe('treaties', () => {
  it('filters by party and day: the day before and the day of an entry into force', async () => {
    const { before, on } = await q(`{
      before: treaties(filter: { parties: ["RUS", "PRK"], inForceOn: "2024-12-03" }) { edges { node { id } } }
      on: treaties(filter: { parties: ["RUS", "PRK"], inForceOn: "2024-12-04" }) { edges { node { id } } }
    }`);
    expect(before.edges.map((e: any) => e.node.id)).toEqual(['russia-dprk-2000']);
    expect(on.edges.map((e: any) => e.node.id)).toEqual(['russia-dprk-2024']);
  });

  it('takes a party from its own accession: Finland on 3 and 4 April 2023', async () => {
    const { before, on } = await q(`{
      before: treaties(filter: { party: "FIN", inForceOn: "2023-04-03" }) { totalCount }
      on: treaties(filter: { party: "FIN", inForceOn: "2023-04-04" }) { edges { node { id } } }
    }`);
    expect(before.totalCount).toBe(0);
    expect(on.edges.map((e: any) => e.node.id)).toEqual(['north-atlantic-treaty']);
  });

  it('inForceDuring overlaps; with a party, its own membership must overlap', async () => {
    const { swe, all } = await q(`{
      swe: treaties(filter: { party: "SWE", inForceDuring: { from: "2020-01-01", to: "2024-03-06" } }) { totalCount }
      all: treaties(filter: { inForceDuring: { from: "1961-01-01", to: "1961-12-31" } }, first: 100) { edges { node { id } } }
    }`);
    expect(swe.totalCount).toBe(0);
    expect(all.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(['north-atlantic-treaty', 'sino-dprk-1961', 'soviet-dprk-1961', 'us-japan-1960', 'anzus', 'us-rok-1953']));
    expect(all.edges.map((e: any) => e.node.id)).not.toContain('russia-dprk-2024');
  });

  it('filters by obligation, signature range, kind, text and source, and orders', async () => {
    const data = await q(`{
      defense: treaties(filter: { party: "PRK", obligation: DEFENSE }) { edges { node { id } } }
      signed: treaties(filter: { signedDuring: { from: "2024-02-01", to: "2024-02-29" } }, orderBy: { field: NAME }) { edges { node { id signedOn } } }
      kind: treaties(filter: { kind: "Security Agreement" }) { totalCount }
      text: treaties(filter: { text: "anzus" }) { edges { node { id } } }
      source: treaties(filter: { source: "ATOP 5.1" }) { totalCount }
      desc: treaties(orderBy: { field: SIGNED_ON, direction: DESC }, first: 1) { edges { node { id } } }
    }`);
    expect(data.defense.edges.map((e: any) => e.node.id)).toEqual(['soviet-dprk-1961', 'sino-dprk-1961', 'russia-dprk-2024']);
    expect(data.signed.edges.map((e: any) => e.node.signedOn).every((d: string) => d.startsWith('2024-02'))).toBe(true);
    expect(data.signed.edges).toHaveLength(5);
    expect(data.kind.totalCount).toBe(8);
    expect(data.text.edges).toEqual([{ node: { id: 'anzus' } }]);
    expect(data.source.totalCount).toBe(0);
    expect(data.desc.edges).toEqual([{ node: { id: 'russia-dprk-2024' } }]);
  });

  it('pages across pages without gaps or repeats', async () => {
    const first = await q('{ treaties(first: 5) { totalCount pageInfo { endCursor hasNextPage } edges { node { id } } } }');
    const rest = await q('query ($after: String) { treaties(first: 100, after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { id } } } }', { after: first.treaties.pageInfo.endCursor });
    const all = [...first.treaties.edges, ...rest.treaties.edges].map((e: any) => e.node.id);
    expect(first.treaties.pageInfo.hasNextPage).toBe(true);
    expect(rest.treaties.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(all).toHaveLength(first.treaties.totalCount);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('alliesOf and defendersOf', () => {
  it('who is bound to defend North Korea, since when and under which article', async () => {
    const { defendersOf } = await q('{ defendersOf(code: "PRK") { nation { code } since treaties { id } provisions { article quote } } }');
    expect(defendersOf).toEqual([
      expect.objectContaining({ nation: { code: 'CHN' }, since: '1961-09-10', treaties: [{ id: 'sino-dprk-1961' }] }),
      expect.objectContaining({ nation: { code: 'RUS' }, since: '2024-12-04', treaties: [{ id: 'russia-dprk-2024' }] }),
    ]);
    expect(defendersOf[1].provisions[0].article).toBe('4');
    expect(defendersOf[1].provisions[0].quote).toContain('military and other assistance');
  });

  it('Russia becomes a defender on the day the 2024 treaty enters into force, not the day before', async () => {
    const data = await q('{ before: defendersOf(code: "PRK", asOf: "2024-12-03") { nation { code } } on: defendersOf(code: "PRK", asOf: "2024-12-04") { nation { code } } }');
    expect(codes(data.before)).toEqual(['CHN']);
    expect(codes(data.on)).toEqual(['CHN', 'RUS']);
  });

  it('the 1961 Soviet–DPRK treaty made the USSR a defender in 1962', async () => {
    const { defendersOf } = await q('{ defendersOf(code: "PRK", asOf: "1962-01-01") { nation { code } treaties { id } } }');
    expect(defendersOf).toEqual([
      { nation: { code: 'CHN' }, treaties: [{ id: 'sino-dprk-1961' }] },
      { nation: { code: 'RUS' }, treaties: [{ id: 'soviet-dprk-1961' }] },
    ]);
  });

  it('alliesOf filters by obligations and lists the provisions', async () => {
    const data = await q(`{
      any: alliesOf(code: "UKR", asOf: "2024-07-01") { nation { code } obligations }
      defense: alliesOf(code: "UKR", asOf: "2024-07-01", obligations: [DEFENSE]) { nation { code } }
      prk: alliesOf(code: "PRK") { nation { code } obligations provisions { article obligation } }
    }`);
    expect(codes(data.any)).toEqual(expect.arrayContaining(['USA', 'DEU', 'CAN']));
    for (const a of data.any) expect(a.obligations).toContain('CONSULTATION');
    expect(data.defense).toEqual([]);
    expect(codes(data.prk)).toEqual(['CHN', 'RUS']);
    expect(data.prk[1].provisions.map((p: any) => p.article)).toEqual(expect.arrayContaining(['3', '4']));
  });

  it('an unknown nation has no allies', async () => {
    expect(await q('{ alliesOf(code: "ZZZ") { nation { code } } defendersOf(code: "ZZZ") { nation { code } } }')).toEqual({ alliesOf: [], defendersOf: [] });
  });
});

describe('treatiesBetween', () => {
  it('without a date lists every treaty, in force or not; with one, those in force for both', async () => {
    const data = await q(`{
      all: treatiesBetween(a: "RUS", b: "PRK") { id }
      mid2024: treatiesBetween(a: "RUS", b: "PRK", asOf: "2024-06-20") { id }
      today: treatiesBetween(a: "PRK", b: "RUS") { id }
      y1961: treatiesBetween(a: "RUS", b: "PRK", asOf: "1961-12-31") { id }
      none: treatiesBetween(a: "RUS", b: "USA") { id }
    }`);
    expect(ids(data.all)).toEqual(['soviet-dprk-1961', 'russia-dprk-2000', 'russia-dprk-2000-joint-declaration', 'russia-dprk-2024']);
    expect(ids(data.mid2024)).toEqual(['russia-dprk-2000']);
    expect(ids(data.y1961)).toEqual(['soviet-dprk-1961']);
    expect(data.none).toEqual([]);
    expect(data.today).toEqual(data.all);
  });
});

describe('alliancePath', () => {
  it('Sweden to Japan: through the United States, every hop naming its treaty', async () => {
    const { alliancePath } = await q('{ alliancePath(from: "SWE", to: "JPN") { nations { code } hops { treaty { id } obligations from { code } to { code } } } }');
    expect(alliancePath.nations.map((n: any) => n.code)).toEqual(['SWE', 'USA', 'JPN']);
    expect(alliancePath.hops.map((h: any) => [h.from.code, h.treaty.id, h.to.code])).toEqual([
      ['SWE', 'north-atlantic-treaty', 'USA'],
      ['USA', 'us-japan-1960', 'JPN'],
    ]);
    expect(alliancePath.hops[0].obligations).toContain('DEFENSE');
  });

  it('is null before Sweden joined, or beyond maxHops, or between unknown nations', async () => {
    const data = await q(`{
      before: alliancePath(from: "SWE", to: "JPN", asOf: "2024-03-06") { nations { code } }
      short: alliancePath(from: "SWE", to: "JPN", maxHops: 1) { nations { code } }
      unknown: alliancePath(from: "SWE", to: "ZZZ") { nations { code } }
      self: alliancePath(from: "SWE", to: "SWE") { nations { code } hops { treaty { id } } }
    }`);
    expect(data).toEqual({ before: null, short: null, unknown: null, self: { nations: [{ code: 'SWE' }], hops: [] } });
  });

  it('respects obligations: no consultation-only chain links Ukraine to Japan by defence', async () => {
    const data = await q(`{
      any: alliancePath(from: "UKR", to: "JPN", asOf: "2024-07-01") { nations { code } }
      defense: alliancePath(from: "UKR", to: "JPN", asOf: "2024-07-01", obligations: [DEFENSE]) { nations { code } }
    }`);
    expect(data.any.nations.map((n: any) => n.code)).toEqual(['UKR', 'USA', 'JPN']);
    expect(data.defense).toBeNull();
  });
});

describe('allianceNetwork', () => {
  it('in 1961 links North Korea to China and the USSR, and follows the date', async () => {
    const data = await q(`{
      y1961: allianceNetwork(asOf: "1961-12-31", obligations: [DEFENSE]) { nodes { code } edges { a { code } b { code } treaties { id } obligations } }
      y1950: allianceNetwork(asOf: "1950-01-01") { edges { a { code } } }
    }`);
    const pairs = data.y1961.edges.map((e: any) => `${e.a.code}-${e.b.code}`);
    expect(pairs).toEqual(expect.arrayContaining(['CHN-PRK', 'PRK-RUS', 'JPN-USA', 'KOR-USA', 'GBR-USA']));
    for (const e of data.y1961.edges) expect(e.a.code < e.b.code).toBe(true);
    expect(data.y1961.nodes.map((n: any) => n.code)).toContain('PRK');
    expect(data.y1961.edges.length).toBeGreaterThan(data.y1950.edges.length);
  });

  it('shows the Russia–DPRK defence edge from 4 December 2024', async () => {
    const edge = (net: any) => net.edges.find((e: any) => e.a.code === 'PRK' && e.b.code === 'RUS');
    const data = await q(`{
      before: allianceNetwork(asOf: "2024-12-03", obligations: [DEFENSE]) { edges { a { code } b { code } } }
      on: allianceNetwork(asOf: "2024-12-04", obligations: [DEFENSE]) { edges { a { code } b { code } treaties { id } } }
    }`);
    expect(edge(data.before)).toBeUndefined();
    expect(edge(data.on).treaties).toEqual([{ id: 'russia-dprk-2024' }]);
  });

  it('filters by region and by the seeds as source', async () => {
    const data = await q(`{
      asia: allianceNetwork(region: "East Asia & Pacific") { nodes { region } }
      seeds: allianceNetwork(source: "seeds") { edges { a { code } } }
      all: allianceNetwork { edges { a { code } } }
    }`);
    for (const n of data.asia.nodes) expect(n.region).toBe('East Asia & Pacific');
    expect(data.seeds.edges.length).toBe(data.all.edges.length);
  });

  it('answers every edges selection under its own alias, beside the other fields, and nothing before any treaty', async () => {
    const data = await q(`{
      net: allianceNetwork(asOf: "2024-07-01") {
        __typename
        pairs: edges { a { code } b { code } }
        nodes { code }
        edges { __typename a { code } b { code } treaties { id signedOn } }
      }
      none: allianceNetwork(asOf: "1800-01-01") { nodes { code } edges { a { code } } }
    }`);
    const { net } = data;
    expect(net.__typename).toBe('AllianceNetwork');
    expect(Object.keys(net)).toEqual(['__typename', 'pairs', 'nodes', 'edges']);
    expect(net.pairs).toEqual(net.edges.map((e: any) => ({ a: e.a, b: e.b })));
    expect(net.edges[0].__typename).toBe('NetworkEdge');
    // Every nation at an end of an edge is a node, once.
    const ends = new Set(net.edges.flatMap((e: any) => [e.a.code, e.b.code]));
    expect(new Set(net.nodes.map((n: any) => n.code))).toEqual(ends);
    expect(net.nodes).toHaveLength(ends.size);
    // Each pair's treaties in signing order (the fragment sorts them before pairing).
    const usaGbr = net.edges.find((e: any) => e.a.code === 'GBR' && e.b.code === 'USA');
    expect(usaGbr.treaties.length).toBeGreaterThan(0);
    for (const e of net.edges) {
      const signed = e.treaties.map((t: any) => t.signedOn);
      expect(signed).toEqual([...signed].sort());
    }
    expect(data.none).toEqual({ nodes: [], edges: [] });
  });
});

describe('search', () => {
  it('finds nations, leaders, treaties and organizations by name and alias', async () => {
    const { a, b, c } = await q('{ a: search(text: "kim jong") { kind id } b: search(text: "North Atlantic") { kind id } c: search(text: "DPRK", first: 3) { kind id score } }');
    expect(a[0]).toEqual({ kind: 'LEADER', id: 'kim-jong-un' });
    expect(b.map((h: any) => h.id)).toEqual(expect.arrayContaining(['north-atlantic-treaty', 'nato']));
    expect(c).toHaveLength(3);
    expect(c[0].score).toBeGreaterThanOrEqual(c[2].score);
  });

  it('treats Lucene syntax as plain words', async () => {
    const r = await gql('{ search(text: "*:* OR name:\\"x\\" AND ~ ^ \\\\ [a TO z]") { id } empty: search(text: "!!!") { id } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.empty).toEqual([]);
  });
});

describe('bad arguments', () => {
  it('an invalid date literal is a clear error naming the argument and the value', async () => {
    const r = await gql('{ alliesOf(code: "PRK", asOf: "2024-13-45") { nation { code } } }');
    expect(r.errors?.[0]?.message).toBe('Argument "asOf" has an invalid date: "2024-13-45" is not a date: there is no month 13; write YYYY-MM-DD, for example "2024-12-04".');
    const nested = await gql('{ treaties(filter: { inForceOn: "yesterday" }) { totalCount } }');
    expect(nested.errors?.[0]?.message).toBe('Argument "filter.inForceOn" has an invalid date: "yesterday" is not a date: write YYYY-MM-DD, for example "2024-12-04".');
  });

  it('an invalid date variable names the variable and the value', async () => {
    const r = await gql('query ($d: Date) { alliesOf(code: "PRK", asOf: $d) { nation { code } } }', { d: '2024-02-30' });
    expect(r.errors?.[0]?.message).toContain('Variable "$d" got invalid value "2024-02-30"');
    expect(r.errors?.[0]?.message).toContain('"2024-02-30" is not a date: 2024-02 has 29 days');
  });

  it('a real calendar decides, and a year or a month alone is answered with the day to write', async () => {
    const messages = async (query: string) => (await gql(query)).errors?.map((e) => e.message);
    expect(await messages('{ alliesOf(code: "PRK", asOf: "2023-02-29") { since } }')).toEqual(['Argument "asOf" has an invalid date: "2023-02-29" is not a date: 2023-02 has 28 days.']);
    expect(await messages('{ alliesOf(code: "PRK", asOf: "1961") { since } }')).toEqual(['Argument "asOf" has an invalid date: "1961" is not a whole day: write YYYY-MM-DD, for example "1961-01-01".']);
    expect(await messages('{ alliesOf(code: "PRK", asOf: "1961-07") { since } }')).toEqual(['Argument "asOf" has an invalid date: "1961-07" is not a whole day: write YYYY-MM-DD, for example "1961-07-01".']);
    expect((await gql('{ alliesOf(code: "PRK", asOf: "2024-02-29") { since } }')).errors).toBeUndefined();
  });

  it('first and maxHops have a documented maximum', async () => {
    const r = await gql('{ treaties(first: 101) { totalCount } }');
    expect(r.errors?.[0]).toMatchObject({ message: 'Argument "first" must be a whole number from 0 to 100; got 101.', extensions: { code: 'BAD_USER_INPUT' } });
    const p = await gql('{ alliancePath(from: "SWE", to: "JPN", maxHops: 7) { hops { treaty { id } } } }');
    expect(p.errors?.[0]?.message).toBe('Argument "maxHops" must be a whole number from 1 to 6; got 7.');
    const c = await gql('{ treaties(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(c.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('round trips', () => {
  const tripsOf = async (query: string) => {
    const before = graph.roundTrips.count;
    await q(query);
    return graph.roundTrips.count - before;
  };

  it('one per root field, however many rows and however deep', async () => {
    const shallow = await tripsOf('{ treaties(first: 1) { edges { node { id } } } }');
    const wide = await tripsOf('{ treaties(first: 100) { edges { node { id parties { nation { code } } } } } }');
    // As deep as the server's depth limit allows (see docs/hardening.md).
    const deep = await tripsOf(`{ treaties(first: 20) { edges { node { id parties { nation { code
      allies { nation { code } provisions { article treaty { signatories { office } } } }
      timeline { date } } } } } } }`);
    const two = await tripsOf('{ a: nation(code: "RUS") { code } b: defendersOf(code: "PRK") { nation { code } } }');
    expect([shallow, wide, deep, two]).toEqual([1, 1, 1, 2]);
  });
});
