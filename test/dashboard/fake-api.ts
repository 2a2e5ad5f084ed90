/**
 * A stand-in for the public GraphQL API, for the dashboard's own tests: the contract's schema over an
 * in-memory set of nations and treaties, served with the built page on one origin like the real server.
 * The browser test uses the real server over the seeded test database; this one serves the synthetic
 * ATOP-scale network that the render measurement needs when no ATOP import is at hand.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { graphql } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { seededRandom } from '../../src/export/graph.ts';
import type { Obligation } from '../../src/export/network.ts';

export interface FakeNation { code: string; name: string; region: string; cowCode: number }
export interface FakeTreaty {
  id: string;
  name: string;
  from: string;
  until: string | null;
  parties: string[];
  obligations: Obligation[];
  atop?: boolean;
}
export interface FakeData { nations: FakeNation[]; treaties: FakeTreaty[] }

const SDL = /* GraphQL */ `
  scalar Date
  enum Obligation { DEFENSE OFFENSE NEUTRALITY NON_AGGRESSION CONSULTATION OTHER }
  type Query {
    nation(code: ID!): Nation
    treaty(id: ID!): Treaty
    leader(id: ID!): Leader
    search(text: String!, first: Int): [SearchHit!]!
    alliesOf(code: ID!, asOf: Date, obligations: [Obligation!]): [Alliance!]!
    defendersOf(code: ID!, asOf: Date): [Alliance!]!
    alliancePath(from: ID!, to: ID!, asOf: Date, obligations: [Obligation!], maxHops: Int): AlliancePath
    allianceNetwork(asOf: Date, obligations: [Obligation!], source: String, region: String): AllianceNetwork!
    timeline(code: ID!): [Event!]!
    organization(id: ID!): Organization
  }
  type Nation { code: ID!, name: String!, cowCode: Int, region: String, leaders(asOf: Date): [Tenure!]!, organizations(asOf: Date): [Membership!]! }
  type Organization { id: ID!, name: String!, kind: String, founded: Date, foundingTreaty: Treaty, members(asOf: Date): [Membership!]!, aspirants: [Aspiration!]!, sources: [Source!]! }
  type Membership { nation: Nation!, organization: Organization!, from: Date, to: Date }
  type Aspiration { nation: Nation!, since: Date, note: String }
  type Milestone { date: Date!, nation: Nation, summary: String! }
  type Caveat { field: String!, kind: String!, alternative: String, note: String! }
  type Treaty { id: ID!, name: String!, kind: String, summary: String, status(asOf: Date): String!, terminationCause: String, milestones: [Milestone!]!, caveats: [Caveat!]!, signedOn: Date, signedAt: String, enteredIntoForceOn: Date, expiresOn: Date, terminatedOn: Date,
    parties: [Party!]!, signatories: [Signatory!]!, provisions: [Provision!]!, sources: [Source!]!, supersedes: [Treaty!]!, supersededBy: [Treaty!]! }
  type Party { nation: Nation!, signedOn: Date, ratifiedOn: Date, inForceFrom: Date, leftOn: Date }
  type Signatory { leader: Leader, office: String, nation: Nation!, signedOn: Date }
  type Provision { article: String!, obligation: Obligation!, summary: String, quote: String, treaty: Treaty! }
  type Leader { id: ID!, name: String!, wikidataId: String, tenures: [Tenure!]! }
  type Tenure { office: String!, nation: Nation!, leader: Leader!, from: Date, to: Date, acting: Boolean }
  type Source { url: String, publisher: String, title: String, publishedOn: Date }
  type Alliance { nation: Nation!, treaties: [Treaty!]!, obligations: [Obligation!]!, provisions: [Provision!]! }
  type AlliancePath { nations: [Nation!]!, hops: [PathHop!]! }
  type PathHop { treaty: Treaty!, obligations: [Obligation!]! }
  type AllianceNetwork { nodes: [Nation!]!, edges: [NetworkEdge!]! }
  type NetworkEdge { a: Nation!, b: Nation!, treaties: [Treaty!]!, obligations: [Obligation!]! }
  type Event { date: Date!, kind: String!, summary: String!, treaty: Treaty, nation: Nation, leader: Leader, organization: Organization }
  type SearchHit { kind: String!, id: ID!, name: String!, score: Float! }
`;

function inForce(t: FakeTreaty, day: string): boolean {
  return t.from <= day && (t.until === null || day < t.until);
}

export function fakeSchema(data: FakeData) {
  const nations = new Map(data.nations.map((n) => [n.code, n]));
  const treaties = new Map(data.treaties.map((t) => [t.id, t]));
  const provisions = (t: FakeTreaty) => t.obligations.map((o, i) => ({ article: String(i + 1), obligation: o, summary: `${o.toLowerCase()} commitment`, quote: null, treaty: t }));
  const edgesAt = (asOf: string, wanted?: Obligation[] | null) => {
    const pairs = new Map<string, { a: string; b: string; treaties: FakeTreaty[]; obligations: Set<Obligation> }>();
    for (const t of data.treaties) {
      if (!inForce(t, asOf)) continue;
      const obligations = t.obligations.filter((o) => !wanted || wanted.includes(o));
      if (obligations.length === 0) continue;
      for (let i = 0; i < t.parties.length; i++) for (let j = i + 1; j < t.parties.length; j++) {
        const [a, b] = [t.parties[i]!, t.parties[j]!].sort() as [string, string];
        const key = `${a}|${b}`;
        const edge = pairs.get(key) ?? { a, b, treaties: [], obligations: new Set<Obligation>() };
        edge.treaties.push(t);
        obligations.forEach((o) => edge.obligations.add(o));
        pairs.set(key, edge);
      }
    }
    return [...pairs.values()];
  };
  const allies = (code: string, asOf: string, wanted?: Obligation[] | null) =>
    edgesAt(asOf, wanted).filter((e) => e.a === code || e.b === code).map((e) => ({
      nation: nations.get(e.a === code ? e.b : e.a),
      treaties: e.treaties,
      obligations: [...e.obligations],
      provisions: e.treaties.flatMap(provisions),
    }));
  const today = new Date().toISOString().slice(0, 10);
  return makeExecutableSchema({
    typeDefs: SDL,
    resolvers: {
      Query: {
        nation: (_: unknown, { code }: { code: string }) => nations.get(code) ?? null,
        treaty: (_: unknown, { id }: { id: string }) => treaties.get(id) ?? null,
        leader: () => null,
        organization: () => null,
        search: (_: unknown, { text }: { text: string }) => {
          const q = text.toLowerCase();
          return [
            ...data.nations.filter((n) => n.name.toLowerCase().includes(q)).map((n) => ({ kind: 'nation', id: n.code, name: n.name, score: 1 })),
            ...data.treaties.filter((t) => t.name.toLowerCase().includes(q)).map((t) => ({ kind: 'treaty', id: t.id, name: t.name, score: 0.5 })),
          ].slice(0, 12);
        },
        alliesOf: (_: unknown, a: { code: string; asOf?: string; obligations?: Obligation[] }) => allies(a.code, a.asOf ?? today, a.obligations),
        defendersOf: (_: unknown, a: { code: string; asOf?: string }) => allies(a.code, a.asOf ?? today, ['DEFENSE']),
        allianceNetwork: (_: unknown, a: { asOf?: string; obligations?: Obligation[] }) => {
          const edges = edgesAt(a.asOf ?? today, a.obligations);
          const present = new Set(edges.flatMap((e) => [e.a, e.b]));
          return {
            nodes: data.nations.filter((n) => present.has(n.code)),
            edges: edges.map((e) => ({ a: nations.get(e.a), b: nations.get(e.b), treaties: e.treaties, obligations: [...e.obligations] })),
          };
        },
        alliancePath: (_: unknown, a: { from: string; to: string; asOf?: string; obligations?: Obligation[] }) => {
          const edges = edgesAt(a.asOf ?? today, a.obligations);
          const next = new Map<string, { code: string; treaty: FakeTreaty; obligations: Obligation[] }[]>();
          for (const e of edges) {
            next.set(e.a, [...(next.get(e.a) ?? []), { code: e.b, treaty: e.treaties[0]!, obligations: [...e.obligations] }]);
            next.set(e.b, [...(next.get(e.b) ?? []), { code: e.a, treaty: e.treaties[0]!, obligations: [...e.obligations] }]);
          }
          const back = new Map<string, { from: string; treaty: FakeTreaty; obligations: Obligation[] }>();
          const queue = [a.from];
          const seen = new Set(queue);
          while (queue.length) {
            const at = queue.shift()!;
            if (at === a.to) break;
            for (const n of next.get(at) ?? []) if (!seen.has(n.code)) { seen.add(n.code); back.set(n.code, { from: at, treaty: n.treaty, obligations: n.obligations }); queue.push(n.code); }
          }
          if (!seen.has(a.to) || a.from === a.to) return null;
          const codes = [a.to];
          const hops = [];
          while (codes[0] !== a.from) { const b = back.get(codes[0]!)!; hops.unshift({ treaty: b.treaty, obligations: b.obligations }); codes.unshift(b.from); }
          return { nations: codes.map((c) => nations.get(c)), hops };
        },
        timeline: (_: unknown, { code }: { code: string }) => data.treaties.filter((t) => t.parties.includes(code)).map((t) => ({ date: t.from, kind: 'ENTERED_INTO_FORCE', summary: `${t.name} entered into force`, treaty: t })),
      },
      Nation: { leaders: () => [], organizations: () => [] },
      Treaty: {
        status: (t: FakeTreaty, a: { asOf?: string }) => (inForce(t, a.asOf ?? today) ? 'IN_FORCE' : 'NOT_IN_FORCE'),
        milestones: () => [],
        caveats: () => [],
        kind: (t: FakeTreaty) => (t.parties.length > 2 ? 'multilateral' : 'bilateral'),
        signedOn: (t: FakeTreaty) => t.from,
        enteredIntoForceOn: (t: FakeTreaty) => t.from,
        terminatedOn: (t: FakeTreaty) => t.until,
        parties: (t: FakeTreaty) => t.parties.map((c) => ({ nation: nations.get(c), signedOn: t.from, inForceFrom: t.from })),
        signatories: () => [],
        provisions,
        sources: (t: FakeTreaty) => [t.atop ? { publisher: 'ATOP', title: 'ATOP 5.1', url: null } : { publisher: 'Fixture', title: t.name, url: 'https://example.org/' }],
        supersedes: () => [],
        supersededBy: () => [],
      },
    },
  });
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Serves `dist` at `/` and the fake schema at `/graphql` on 127.0.0.1, on a free port. */
export async function startFakeServer(data: FakeData, dist: string): Promise<{ url: string; close(): Promise<void> }> {
  const schema = fakeSchema(data);
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const result = await graphql({ schema, source: body.query, variableValues: body.variables });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
      return;
    }
    const path = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
    try {
      const file = await readFile(join(dist, path));
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
      res.end(file);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const REGIONS = ['Europe', 'Asia', 'Africa', 'Americas', 'Middle East', 'Oceania'];

/**
 * An ATOP-sized network: about 200 nations and, at today's date, about 5,000 allied pairs from a mix of
 * large multilateral and bilateral treaties spread over 1815 to today. Deterministic.
 */
export function syntheticAtopScale(nationCount = 200, seed = 42): FakeData {
  const random = seededRandom(seed);
  const nations: FakeNation[] = Array.from({ length: nationCount }, (_, i) => ({
    code: `X${String(i).padStart(3, '0')}`,
    name: `Nation ${i}`,
    region: REGIONS[i % REGIONS.length]!,
    cowCode: 1000 + i,
  }));
  const pick = (n: number, pool: FakeNation[]) => {
    const chosen = new Set<string>();
    while (chosen.size < Math.min(n, pool.length)) chosen.add(pool[Math.floor(random() * pool.length)]!.code);
    return [...chosen];
  };
  const year = (y: number) => `${y}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const kinds: Obligation[][] = [['DEFENSE'], ['DEFENSE', 'CONSULTATION'], ['NON_AGGRESSION'], ['CONSULTATION'], ['NEUTRALITY'], ['OFFENSE', 'DEFENSE']];
  const treaties: FakeTreaty[] = [];
  for (let i = 0; i < 30; i++) {
    const region = REGIONS[i % REGIONS.length]!;
    const pool = random() < 0.6 ? nations.filter((n) => n.region === region) : nations;
    const start = 1815 + Math.floor(random() * 190);
    treaties.push({ id: `multi-${i}`, name: `Multilateral pact ${i}`, from: year(start), until: start > 1900 ? null : year(start + 10 + Math.floor(random() * 60)), parties: pick(24 + Math.floor(random() * 14), pool), obligations: kinds[i % kinds.length]!, atop: true });
  }
  for (let i = 0; i < 1600; i++) {
    const start = 1815 + Math.floor(random() * 205);
    treaties.push({ id: `bi-${i}`, name: `Bilateral treaty ${i}`, from: year(start), until: random() < 0.35 ? year(start + 1 + Math.floor(random() * 40)) : null, parties: pick(2, nations), obligations: kinds[i % kinds.length]!, atop: i % 3 !== 0 });
  }
  return { nations, treaties };
}

/** The small fixture the dashboard's fast tests use: the Russia–DPRK pact and a few alliances around it. */
export function fixtureData(): FakeData {
  const n = (code: string, name: string, region: string, cowCode: number): FakeNation => ({ code, name, region, cowCode });
  return {
    nations: [n('RUS', 'Russia', 'Europe', 365), n('PRK', 'North Korea', 'Asia', 731), n('CHN', 'China', 'Asia', 710), n('USA', 'United States', 'Americas', 2), n('CAN', 'Canada', 'Americas', 20), n('GBR', 'United Kingdom', 'Europe', 200), n('FRA', 'France', 'Europe', 220), n('BLR', 'Belarus', 'Europe', 370)],
    treaties: [
      { id: 'north-atlantic-treaty', name: 'North Atlantic Treaty', from: '1949-08-24', until: null, parties: ['USA', 'CAN', 'GBR', 'FRA'], obligations: ['DEFENSE', 'CONSULTATION'] },
      { id: 'sino-dprk-1961', name: 'Sino-North Korean Mutual Aid and Cooperation Friendship Treaty', from: '1961-09-10', until: null, parties: ['CHN', 'PRK'], obligations: ['DEFENSE'] },
      { id: 'ussr-dprk-1961', name: 'Soviet–DPRK Treaty of Friendship, Co-operation and Mutual Assistance', from: '1961-09-10', until: '1995-09-08', parties: ['RUS', 'PRK'], obligations: ['DEFENSE'] },
      { id: 'union-state', name: 'Union State Treaty', from: '2000-01-26', until: null, parties: ['RUS', 'BLR'], obligations: ['DEFENSE'] },
      { id: 'russia-dprk-2024', name: 'Treaty on Comprehensive Strategic Partnership', from: '2024-12-04', until: null, parties: ['RUS', 'PRK'], obligations: ['DEFENSE', 'CONSULTATION'] },
    ],
  };
}
