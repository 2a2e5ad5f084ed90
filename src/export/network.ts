/**
 * The alliance network at one date, as the dashboard draws it and the exporters write it. Both the page and
 * `npm run export` ask the public GraphQL API the same `allianceNetwork` question through `fetchNetwork`, then
 * narrow it with the same `applyFilters`, so a file exported from the page and one from the CLI agree.
 */

export const OBLIGATIONS = ['DEFENSE', 'OFFENSE', 'NEUTRALITY', 'NON_AGGRESSION', 'CONSULTATION', 'OTHER'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/** Which treaties count: every source, or only the hand-checked seed set. */
export type SourceScope = 'all' | 'seeds';

/** Treaties whose only citation is the ATOP data set are imported, not seeded. */
export const IMPORTED_SOURCE_TITLES = ['ATOP 5.1'];

export interface NetworkFilters {
  /** A full day, YYYY-MM-DD. */
  asOf: string;
  /** Edges are kept when they carry at least one of these; every obligation when empty. */
  obligations: readonly Obligation[];
  sources: SourceScope;
  /** Nations of this region only (both ends of an edge); every region when null. */
  region: string | null;
}

export interface NetworkNation {
  code: string;
  /** Its present name. */
  name: string;
  /** The name it bore at the network's date (the Union of Soviet Socialist Republics for RUS in 1961). */
  nameThen: string;
  region: string | null;
  cowCode: number | null;
}

export interface NetworkTreaty {
  id: string;
  name: string;
  /** Whether any source other than an imported data set cites it (unknown, so true, when sources were not asked). */
  seeded: boolean;
}

export interface NetworkEdgeData {
  a: string;
  b: string;
  obligations: Obligation[];
  treaties: NetworkTreaty[];
}

export interface NetworkSnapshot {
  filters: NetworkFilters;
  nodes: NetworkNation[];
  edges: NetworkEdgeData[];
}

/** Sends one GraphQL operation and resolves to its `data`, rejecting on transport or GraphQL errors. */
export type GraphQLFetch = <T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal) => Promise<T>;

/** What the running server's `allianceNetwork` accepts beyond the contract's `asOf` and `obligations`. */
export interface NetworkCapabilities {
  /** The name of a source argument on `allianceNetwork` (e.g. `source`), or null to filter on the client. */
  sourceArg: string | null;
}

const CAPABILITIES_QUERY = /* GraphQL */ `
  query EntenteNetworkCapabilities {
    __type(name: "Query") { fields { name args { name } } }
  }
`;

/** Introspects `allianceNetwork`, so the seeds toggle maps to a server argument whenever the server has one. */
export async function detectCapabilities(fetch: GraphQLFetch): Promise<NetworkCapabilities> {
  type Result = { __type: { fields: { name: string; args: { name: string }[] }[] } | null };
  const data = await fetch<Result>(CAPABILITIES_QUERY);
  const field = data.__type?.fields.find((f) => f.name === 'allianceNetwork');
  const sourceArg = field?.args.find((a) => a.name === 'source' || a.name === 'sources' || a.name === 'origin')?.name ?? null;
  return { sourceArg };
}

/** The value of `allianceNetwork(source:)` that keeps the memberships the seed set holds. */
export const SEED_SOURCE = 'seeds';

/**
 * The network query: one round trip, only the fields the page and the writers use. Every source needs no
 * argument; seeds only uses the server's source argument, or else asks for each treaty's sources to filter
 * on the client.
 */
export function networkQuery(capabilities: NetworkCapabilities, sources: SourceScope = 'seeds'): string {
  const byServer = sources === 'seeds' && capabilities.sourceArg !== null;
  const sourceVar = byServer ? ', $source: String' : '';
  const sourceArg = byServer ? `, ${capabilities.sourceArg}: $source` : '';
  const sourceFields = sources === 'seeds' && !byServer ? ' sources { publisher title }' : '';
  return /* GraphQL */ `
    query EntenteNetwork($asOf: Date, $obligations: [Obligation!]${sourceVar}) {
      allianceNetwork(asOf: $asOf, obligations: $obligations${sourceArg}) {
        nodes { code name nameThen: nameOn(asOf: $asOf) region cowCode }
        edges { a { code } b { code } obligations treaties { id name${sourceFields} } }
      }
    }
  `;
}

interface RawSource {
  publisher: string | null;
  title: string | null;
}
interface RawNetwork {
  allianceNetwork: {
    nodes: { code: string; name: string; nameThen: string; region: string | null; cowCode: number | null }[];
    edges: {
      a: { code: string };
      b: { code: string };
      obligations: Obligation[];
      treaties: { id: string; name: string; sources?: RawSource[] }[];
    }[];
  };
}

/** The network the server holds at a date, before the client-side filters; cacheable per date and scope. */
export interface RawNetworkSnapshot {
  asOf: string;
  sources: SourceScope;
  nodes: NetworkNation[];
  edges: NetworkEdgeData[];
}

/** Whether something is cited by a source other than an imported data set (true when sources were not asked). */
function isSeeded(sources: readonly RawSource[] | undefined): boolean {
  if (!sources) return true;
  return sources.some((s) => !IMPORTED_SOURCE_TITLES.includes(s.title ?? '') && !IMPORTED_SOURCE_TITLES.includes(s.publisher ?? ''));
}

/**
 * Asks for the whole network at `asOf` in one request. Obligations are not sent: the page filters them on
 * the client so that toggling one redraws at once from the same answer. The server's capabilities are only
 * needed for seeds only, so the first picture (every source) costs no introspection round trip.
 */
export async function fetchNetwork(
  fetch: GraphQLFetch,
  capabilities: NetworkCapabilities | (() => Promise<NetworkCapabilities>),
  asOf: string,
  sources: SourceScope,
  signal?: AbortSignal,
): Promise<RawNetworkSnapshot> {
  const caps = sources === 'all' ? { sourceArg: null } : typeof capabilities === 'function' ? await capabilities() : capabilities;
  const variables: Record<string, unknown> = { asOf };
  if (sources === 'seeds' && caps.sourceArg) variables.source = SEED_SOURCE;
  const data = await fetch<RawNetwork>(networkQuery(caps, sources), variables, signal);
  const net = data.allianceNetwork;
  return {
    asOf,
    sources,
    nodes: net.nodes.map((n) => ({ code: n.code, name: n.name, nameThen: n.nameThen, region: n.region ?? null, cowCode: n.cowCode ?? null })),
    edges: net.edges.map((e) => ({
      a: e.a.code,
      b: e.b.code,
      obligations: [...e.obligations],
      treaties: e.treaties.map((t) => ({ id: t.id, name: t.name, seeded: isSeeded(t.sources) })),
    })),
  };
}

/** Narrows a raw network (fetched for the same source scope) to the filters: obligations, seeds only, region. Pure. */
export function applyFilters(raw: RawNetworkSnapshot, filters: NetworkFilters): NetworkSnapshot {
  const wanted = new Set<Obligation>(filters.obligations.length > 0 ? filters.obligations : OBLIGATIONS);
  const nodes = filters.region ? raw.nodes.filter((n) => n.region === filters.region) : raw.nodes;
  const present = new Set(nodes.map((n) => n.code));
  const edges: NetworkEdgeData[] = [];
  for (const edge of raw.edges) {
    if (!present.has(edge.a) || !present.has(edge.b) || edge.a === edge.b) continue;
    const obligations = edge.obligations.filter((o) => wanted.has(o));
    if (obligations.length === 0) continue;
    const treaties = filters.sources === 'seeds' ? edge.treaties.filter((t) => t.seeded) : edge.treaties;
    if (treaties.length === 0) continue;
    edges.push({ a: edge.a, b: edge.b, obligations, treaties });
  }
  return { filters, nodes, edges };
}

/** Regions present in a network, sorted, for the region filter. */
export function regionsOf(nodes: readonly { region: string | null }[]): string[] {
  return [...new Set(nodes.map((n) => n.region).filter((r): r is string => !!r))].sort();
}
