/**
 * The network's heavy lifting, off the page's main thread: the GraphQL request and its JSON, the filters,
 * Louvain blocs and ForceAtlas2 layout. The page receives a finished graph to hand to sigma, so dragging the
 * slider never waits on anything but drawing.
 */
import { buildNetworkGraph } from '../../src/export/graph.ts';
import { layoutNetwork, type Positions } from '../../src/export/layout.ts';
import {
  applyFilters, detectCapabilities, fetchNetwork, type NetworkCapabilities, type NetworkSnapshot, type RawNetworkSnapshot,
} from '../../src/export/network.ts';
import { graphqlClient, withPrefetched } from './api.ts';
import type { WorkerRequest, WorkerResponse } from './network-protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

const gql = graphqlClient(new URL('/graphql', self.location.href).href);
let capabilities: Promise<NetworkCapabilities> | null = null;
const cache = new Map<string, RawNetworkSnapshot>();
const positions: Positions = new Map();
const blocs = new Map<string, number>();
let drawnSignature = '';

function signatureOf(snapshot: NetworkSnapshot): string {
  const parts = snapshot.nodes.map((n) => n.code);
  for (const e of snapshot.edges) parts.push(`${e.a}|${e.b}|${e.obligations.join()}|${e.treaties.map((t) => t.id).join()}`);
  return parts.join(';');
}

async function draw(request: Extract<WorkerRequest, { kind: 'draw' }>): Promise<WorkerResponse> {
  const received = performance.timeOrigin + performance.now();
  const { filters } = request;
  const key = `${filters.asOf}|${filters.sources}`;
  let raw = cache.get(key);
  const fetchStarted = performance.now();
  if (!raw) {
    const fetcher = request.prefetched ? withPrefetched(request.prefetched, gql) : gql;
    raw = await fetchNetwork(fetcher, () => (capabilities ??= detectCapabilities(gql)), filters.asOf, filters.sources);
    cache.set(key, raw);
    if (cache.size > 300) cache.delete(cache.keys().next().value!);
  }
  const fetchMs = performance.now() - fetchStarted;
  const started = performance.now();
  const snapshot = applyFilters(raw, filters);
  const nations = raw.nodes.map((n) => ({ code: n.code, name: n.name, region: n.region }));
  // Most days change nothing: then the picture stays and only the date moves.
  const signature = signatureOf(snapshot);
  if (signature === drawnSignature && !request.force) {
    return { kind: 'same', id: request.id, asOf: filters.asOf, nations, fetchMs, computeMs: performance.now() - started };
  }
  const graph = buildNetworkGraph(snapshot, { previousBlocs: blocs });
  layoutNetwork(graph, { previous: positions });
  drawnSignature = signature;
  const timing = { received, fetched: performance.timeOrigin + started, computed: performance.timeOrigin + performance.now() };
  return { kind: 'graph', id: request.id, asOf: filters.asOf, graph: graph.export(), nations, fetchMs, computeMs: performance.now() - started, timing };
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'draw') {
    draw(request).then(
      (response) => scope.postMessage(response),
      (error: unknown) => scope.postMessage({ kind: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }),
    );
  }
};
