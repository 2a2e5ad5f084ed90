/**
 * Positions for the network, by ForceAtlas2. Nations keep the place they had at the previous date, and a
 * nation new at this date starts beside its allies, so dragging the slider moves the picture, not reshuffles it.
 */
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from './interop.ts';
import type { NetworkGraph } from './graph.ts';
import { seededRandom } from './graph.ts';

const forceAtlas2 = cjsDefault(forceAtlas2Module);

export type Positions = Map<string, { x: number; y: number }>;

export interface LayoutOptions {
  /** Where nations were drawn before; updated in place with the new positions. */
  previous?: Positions;
  /** ForceAtlas2 iterations; fewer when most nations already have a place. */
  iterations?: number;
}

export function layoutNetwork(graph: NetworkGraph, options: LayoutOptions = {}): Positions {
  const previous = options.previous ?? new Map();
  const random = seededRandom(graph.order * 7919 + graph.size);
  let known = 0;
  const spread = Math.max(10, Math.sqrt(graph.order) * 10);
  graph.forEachNode((node) => {
    const p = previous.get(node);
    if (p) {
      known += 1;
      graph.mergeNodeAttributes(node, { x: p.x, y: p.y });
    }
  });
  graph.forEachNode((node) => {
    if (previous.has(node)) return;
    // Start a newcomer at the centre of its placed allies, or at random: ForceAtlas2 then finds its place.
    let sx = 0;
    let sy = 0;
    let n = 0;
    graph.forEachNeighbor(node, (neighbor) => {
      const p = previous.get(neighbor);
      if (p) { sx += p.x; sy += p.y; n += 1; }
    });
    const jitter = () => (random() - 0.5) * spread * (n > 0 ? 0.1 : 1);
    graph.mergeNodeAttributes(node, n > 0 ? { x: sx / n + jitter(), y: sy / n + jitter() } : { x: jitter(), y: jitter() });
  });
  const fresh = graph.order === 0 ? 1 : 1 - known / graph.order;
  const iterations = options.iterations ?? Math.round(40 + 100 * fresh);
  if (graph.order > 1 && graph.size > 0 && iterations > 0) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 400, gravity: 1, scalingRatio: 10 };
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
  }
  graph.forEachNode((node, attrs) => previous.set(node, { x: attrs.x, y: attrs.y }));
  return previous;
}
