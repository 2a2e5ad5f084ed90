/**
 * The six queries the benchmark times, each written three ways: for Entente's API, as hand-written Cypher
 * (bench/cypher/, served by a bare HTTP server), and for @neo4j/graphql's generated API where it can express
 * it. @neo4j/graphql has no shortest path and no pairwise aggregation, so alliancePath and allianceNetwork
 * have no counterpart there; its alliesOf lists the allies (a nested connection filter with the dates on both
 * memberships), without the shared treaties and the `since` date Entente computes.
 *
 * The hand-written queries give Entente's answers, order included; `answer` puts both in one shape so that
 * every run checks it. alliancePath is compared by length only: when several chains are shortest, either
 * server may give any of them.
 */
import type { ServerKind } from './servers.ts';

export interface Targets {
  /** The nation with the most memberships in force on `asOf`. */
  hub: string;
  /** The nation sharing the most treaties with the hub. */
  partner: string;
  /** The nation farthest from the hub (at most 4 hops) on `asOf`. */
  far: string;
  asOf: string;
}

export interface Request {
  path: string;
  body: Record<string, unknown>;
}

export interface QuerySpec {
  name: string;
  request(kind: ServerKind, t: Targets): Request | undefined;
  /** The size of an answer (allies, treaties, hops, edges, total), to check that all servers agree. */
  size(kind: ServerKind, data: unknown): number;
  /**
   * The whole answer of Entente or the hand-written Cypher in one shape, to check that the floor answers the
   * same question (order included); undefined where only the size can be compared.
   */
  answer?(kind: 'entente' | 'cypher', data: unknown): unknown;
}

const gql = (query: string, variables: Record<string, unknown> = {}): Request => ({ path: '/graphql', body: { query, variables } });
const cypher = (name: string, params: Record<string, unknown>): Request => ({ path: `/${name}`, body: params });
const active = (v: string) => `{ fromDate: { lte: ${v} }, OR: [{ untilDate: { eq: null } }, { untilDate: { gt: ${v} } }] }`;
type Rows = Record<string, unknown>[];
const field = (data: unknown, name: string) => (data as Record<string, unknown>)[name];

export const QUERIES: readonly QuerySpec[] = [
  {
    name: 'alliesOf',
    request: (kind, t) =>
      kind === 'entente'
        ? gql('query($code: ID!, $asOf: Date) { alliesOf(code: $code, asOf: $asOf) { nation { code name } since treaties { id name } } }', { code: t.hub, asOf: t.asOf })
        : kind === 'cypher'
          ? cypher('allies', { code: t.hub, asOf: t.asOf })
          : gql(
              `query($code: ID!, $asOf: Date!) { nations(where: { NOT: { code: { eq: $code } },
                 treatiesConnection: { some: { edge: ${active('$asOf')}, node: { OR: [{ untilDate: { eq: null } }, { untilDate: { gt: $asOf } }],
                   partiesConnection: { some: { node: { code: { eq: $code } }, edge: ${active('$asOf')} } } } } } }, sort: [{ name: ASC }]) { code name } }`,
              { code: t.hub, asOf: t.asOf },
            ),
    size: (kind, data) => (kind === 'entente' ? (field(data, 'alliesOf') as Rows) : kind === 'cypher' ? (data as Rows) : (field(data, 'nations') as Rows)).length,
    answer: (kind, data) => (kind === 'entente' ? field(data, 'alliesOf') : data),
  },
  {
    name: 'treatiesBetween',
    request: (kind, t) =>
      kind === 'entente'
        ? gql('query($a: ID!, $b: ID!) { treatiesBetween(a: $a, b: $b) { id name signedOn } }', { a: t.hub, b: t.partner })
        : kind === 'cypher'
          ? cypher('treaties-between', { a: t.hub, b: t.partner })
          : gql(
              `query($a: ID!, $b: ID!) { treaties(where: { AND: [{ parties: { some: { code: { eq: $a } } } }, { parties: { some: { code: { eq: $b } } } }] },
                 sort: [{ fromDate: ASC }, { id: ASC }]) { id name signedOn } }`,
              { a: t.hub, b: t.partner },
            ),
    size: (kind, data) => (kind === 'entente' ? (field(data, 'treatiesBetween') as Rows) : kind === 'cypher' ? (data as Rows) : (field(data, 'treaties') as Rows)).length,
    answer: (kind, data) => (kind === 'entente' ? field(data, 'treatiesBetween') : (data as Rows).map((r) => r.treaty)),
  },
  {
    name: 'alliancePath',
    request: (kind, t) =>
      kind === 'entente'
        ? gql('query($from: ID!, $to: ID!, $asOf: Date) { alliancePath(from: $from, to: $to, asOf: $asOf) { nations { code } hops { treaty { id } } } }', { from: t.hub, to: t.far, asOf: t.asOf })
        : kind === 'cypher'
          ? cypher('alliance-path', { from: t.hub, to: t.far, asOf: t.asOf })
          : undefined,
    size: (kind, data) =>
      kind === 'entente'
        ? ((field(data, 'alliancePath') as { hops: unknown[] } | null)?.hops.length ?? 0)
        : (((data as Rows)[0]?.treaties as unknown[] | undefined)?.length ?? 0),
  },
  {
    name: 'allianceNetwork',
    request: (kind, t) =>
      kind === 'entente'
        ? gql('query($asOf: Date) { allianceNetwork(asOf: $asOf) { nodes { code } edges { a { code } b { code } treaties { id } } } }', { asOf: t.asOf })
        : kind === 'cypher'
          ? cypher('alliance-network', { asOf: t.asOf })
          : undefined,
    size: (kind, data) => (kind === 'entente' ? (field(data, 'allianceNetwork') as { edges: unknown[] }).edges : (data as Rows)).length,
    // The pairs, each as "a b: treaties" with a before b; the hand-written query leaves the nodes to the client.
    answer: (kind, data) => {
      const code = (x: unknown) => (x as { code: string }).code;
      const edges = kind === 'entente'
        ? ((field(data, 'allianceNetwork') as { edges: Rows }).edges).map((e) => ({ a: code(e.a), b: code(e.b), treaties: (e.treaties as { id: string }[]).map((t) => t.id) }))
        : (data as { a: string; b: string; treaties: string[] }[]);
      return edges.map((e) => `${[e.a, e.b].sort().join(' ')}: ${e.treaties.join(' ')}`).sort();
    },
  },
  {
    name: 'nation→treaties→parties→nation',
    request: (kind, t) =>
      kind === 'entente'
        ? gql('query($code: ID!) { nation(code: $code) { code name treaties { id name parties { inForceFrom nation { code name } } } } }', { code: t.hub })
        : kind === 'cypher'
          ? cypher('nested', { code: t.hub })
          : gql(
              `query($code: ID!) { nations(where: { code: { eq: $code } }) { code name
                 treaties { id name partiesConnection { edges { properties { inForceFrom } node { code name } } } } } }`,
              { code: t.hub },
            ),
    size: (kind, data) => {
      const nation = kind === 'entente' ? field(data, 'nation') : kind === 'cypher' ? (data as Rows)[0]?.nation : (field(data, 'nations') as Rows)[0];
      const treaties = (nation as { treaties: unknown[] } | undefined)?.treaties ?? [];
      return new Set(treaties.map((x) => (x as { id: string }).id)).size;
    },
    answer: (kind, data) => (kind === 'entente' ? field(data, 'nation') : (data as Rows)[0]?.nation),
  },
  {
    name: 'treaties (page of 20)',
    request: (kind) =>
      kind === 'entente'
        ? gql('{ treaties(first: 20) { totalCount edges { cursor node { id name signedOn } } pageInfo { endCursor hasNextPage } } }')
        : kind === 'cypher'
          ? cypher('treaties-page', {})
          : gql('{ treatiesConnection(first: 20, sort: [{ fromDate: ASC }, { id: ASC }]) { totalCount edges { cursor node { id name signedOn } } pageInfo { endCursor hasNextPage } } }'),
    size: (kind, data) =>
      kind === 'entente'
        ? (field(data, 'treaties') as { totalCount: number }).totalCount
        : kind === 'cypher'
          ? ((data as Rows)[0]?.total as number)
          : (field(data, 'treatiesConnection') as { totalCount: number }).totalCount,
    answer: (kind, data) => {
      if (kind === 'cypher') return { total: (data as Rows)[0]?.total, page: (data as Rows)[0]?.page };
      const connection = field(data, 'treaties') as { totalCount: number; edges: { node: unknown }[] };
      return { total: connection.totalCount, page: connection.edges.map((e) => e.node) };
    },
  },
];
