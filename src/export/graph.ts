/**
 * Turns a network snapshot into a graphology graph with everything a picture needs: node size by number of
 * allies, bloc by Louvain community detection, edge colour by the strongest obligation. The page renders this
 * graph with sigma; the exporters write it.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { cjsDefault } from './interop.ts';
import type { NetworkSnapshot, Obligation } from './network.ts';
import { blocColor, OBLIGATION_COLORS, strongestObligation } from './palette.ts';

export interface NationAttributes {
  label: string;
  region: string;
  cowCode: number | null;
  /** Number of allies at the date, after filters. */
  allies: number;
  /** Louvain community, numbered so 0 is the largest (or as in the previous picture); -1 without allies. */
  bloc: number;
  color: string;
  size: number;
  x: number;
  y: number;
}

export interface AllianceAttributes {
  obligations: Obligation[];
  /** The strongest obligation, which sets the colour. */
  primary: Obligation;
  treatyIds: string[];
  treatyNames: string[];
  /** Number of treaties behind the edge. */
  weight: number;
  color: string;
  size: number;
}

export type NetworkGraph = UndirectedGraph<NationAttributes, AllianceAttributes>;

const louvain = cjsDefault(louvainModule);

/** A small deterministic generator, so the same network gets the same blocs and layout every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function edgeKey(a: string, b: string): string {
  return a < b ? `${a}--${b}` : `${b}--${a}`;
}

export function nodeSize(allies: number): number {
  return 2.5 + 1.3 * Math.sqrt(allies);
}

export interface BuildOptions {
  /**
   * The bloc each nation had in the previous picture (updated in place). A community keeps the bloc, and so
   * the colour, that most of its members had, so blocs keep their colours while the slider moves.
   */
  previousBlocs?: Map<string, number>;
}

/** Builds the graph; positions are 0 until a layout assigns them (see `layout.ts`). */
export function buildNetworkGraph(snapshot: NetworkSnapshot, options: BuildOptions = {}): NetworkGraph {
  const graph: NetworkGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const n of snapshot.nodes) {
    if (graph.hasNode(n.code)) continue;
    graph.addNode(n.code, { label: n.nameThen, region: n.region ?? '', cowCode: n.cowCode, allies: 0, bloc: -1, color: blocColor(-1), size: nodeSize(0), x: 0, y: 0 });
  }
  for (const e of snapshot.edges) {
    if (!graph.hasNode(e.a) || !graph.hasNode(e.b) || e.a === e.b) continue;
    const key = edgeKey(e.a, e.b);
    if (graph.hasEdge(key)) {
      // The same pair listed twice: merge, so a pair is one edge whatever the server's grouping.
      const attrs = graph.getEdgeAttributes(key);
      const obligations = [...new Set([...attrs.obligations, ...e.obligations])];
      const ids = [...attrs.treatyIds];
      const names = [...attrs.treatyNames];
      for (const t of e.treaties) if (!ids.includes(t.id)) { ids.push(t.id); names.push(t.name); }
      const primary = strongestObligation(obligations);
      graph.mergeEdgeAttributes(key, { obligations, primary, treatyIds: ids, treatyNames: names, weight: ids.length, color: OBLIGATION_COLORS[primary] });
      continue;
    }
    const primary = strongestObligation(e.obligations);
    graph.addUndirectedEdgeWithKey(key, e.a, e.b, {
      obligations: [...e.obligations],
      primary,
      treatyIds: e.treaties.map((t) => t.id),
      treatyNames: e.treaties.map((t) => t.name),
      weight: e.treaties.length,
      color: OBLIGATION_COLORS[primary],
      size: 1,
    });
  }
  graph.forEachNode((node) => {
    const allies = graph.degree(node);
    graph.mergeNodeAttributes(node, { allies, size: nodeSize(allies) });
  });
  assignBlocs(graph, options.previousBlocs);
  return graph;
}

/**
 * Louvain over nations with allies. Blocs are numbered largest first, or, given the previous picture's blocs,
 * each community (largest first) takes the bloc most of its members had, when no larger one took it already.
 */
export function assignBlocs(graph: NetworkGraph, previous?: Map<string, number>): void {
  if (graph.size === 0) return;
  const communities = louvain(graph, { rng: seededRandom(1815), getEdgeWeight: null });
  const members = new Map<number, string[]>();
  graph.forEachNode((node, attrs) => {
    if (attrs.allies === 0) return;
    const c = communities[node] ?? -1;
    members.set(c, [...(members.get(c) ?? []), node]);
  });
  const bySize = [...members.entries()].sort((x, y) => y[1].length - x[1].length || x[0] - y[0]);
  const label = new Map<number, number>();
  const taken = new Set<number>();
  if (previous) {
    for (const [c, nodes] of bySize) {
      const votes = new Map<number, number>();
      for (const node of nodes) {
        const before = previous.get(node);
        if (before !== undefined && before >= 0 && !taken.has(before)) votes.set(before, (votes.get(before) ?? 0) + 1);
      }
      const best = [...votes.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
      if (best) {
        label.set(c, best[0]);
        taken.add(best[0]);
      }
    }
  }
  let next = 0;
  for (const [c] of bySize) {
    if (label.has(c)) continue;
    while (taken.has(next)) next += 1;
    label.set(c, next);
    taken.add(next);
  }
  graph.forEachNode((node, attrs) => {
    const bloc = attrs.allies === 0 ? -1 : label.get(communities[node] ?? -1) ?? -1;
    graph.mergeNodeAttributes(node, { bloc, color: blocColor(bloc) });
    if (previous && bloc >= 0) previous.set(node, bloc);
  });
}

export interface BlocSummary {
  bloc: number;
  color: string;
  size: number;
  /** The nations with the most allies in the bloc, for the legend. */
  leaders: string[];
}

export function summarizeBlocs(graph: NetworkGraph, top = 3): BlocSummary[] {
  const byBloc = new Map<number, { label: string; allies: number }[]>();
  graph.forEachNode((_node, attrs) => {
    if (attrs.bloc < 0) return;
    const list = byBloc.get(attrs.bloc) ?? [];
    list.push({ label: attrs.label, allies: attrs.allies });
    byBloc.set(attrs.bloc, list);
  });
  return [...byBloc.entries()]
    .sort((x, y) => y[1].length - x[1].length || x[0] - y[0])
    .map(([bloc, members]) => ({
      bloc,
      color: blocColor(bloc),
      size: members.length,
      leaders: members.sort((x, y) => y.allies - x.allies || x.label.localeCompare(y.label)).slice(0, top).map((m) => m.label),
    }));
}

/** Counts shown beside the slider: nations, alliances (pairs) and distinct treaties. */
export function networkCounts(graph: NetworkGraph): { nations: number; alliances: number; treaties: number } {
  const treaties = new Set<string>();
  graph.forEachEdge((_edge, attrs) => attrs.treatyIds.forEach((id) => treaties.add(id)));
  return { nations: graph.order, alliances: graph.size, treaties: treaties.size };
}
