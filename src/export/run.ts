/**
 * The export as one function, shared by `npm run export` and its tests: the same GraphQL question and the same
 * filters as the dashboard, the same graph (blocs, sizes, colours, ForceAtlas2 positions), one file's text.
 */
import { buildNetworkGraph, networkCounts } from './graph.ts';
import { writeNetwork, type ExportFormat } from './index.ts';
import { layoutNetwork } from './layout.ts';
import { applyFilters, detectCapabilities, fetchNetwork, type GraphQLFetch, type NetworkFilters } from './network.ts';

export interface ExportResult {
  text: string;
  counts: ReturnType<typeof networkCounts>;
}

export async function exportNetwork(fetch: GraphQLFetch, filters: NetworkFilters, format: ExportFormat): Promise<ExportResult> {
  const raw = await fetchNetwork(fetch, () => detectCapabilities(fetch), filters.asOf, filters.sources);
  const graph = buildNetworkGraph(applyFilters(raw, filters));
  layoutNetwork(graph);
  return { text: writeNetwork(graph, format, filters.asOf), counts: networkCounts(graph) };
}
