/** GEXF 1.3 for Gephi, written by graphology-gexf with the page's colours, sizes and positions as viz data. */
import { write } from 'graphology-gexf';
import type { NetworkGraph } from './graph.ts';

export function writeGexf(graph: NetworkGraph, asOf: string): string {
  // GEXF's meta knows creator, description and keywords; the date goes in the description.
  graph.replaceAttributes({ creator: 'Entente', description: `Alliance network on ${asOf}` });
  return write(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, a) => ({
      label: a.label,
      attributes: { region: a.region, cowCode: a.cowCode ?? -1, allies: a.allies, bloc: a.bloc },
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
    }),
    formatEdge: (_key, a) => ({
      weight: a.weight,
      attributes: { obligations: a.obligations.join(';'), primary: a.primary, treaties: a.treatyNames.join('; '), treatyIds: a.treatyIds.join(';') },
      viz: { color: a.color },
    }),
  });
}
