/** One entry for both the page and `npm run export`: a network snapshot in, a file's text out. */
import { writeCsv } from './csv.ts';
import { writeGexf } from './gexf.ts';
import type { NetworkGraph } from './graph.ts';
import { writeGraphml } from './graphml.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'csv-nodes'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Record<ExportFormat, string> = {
  gexf: 'application/gexf+xml',
  graphml: 'application/graphml+xml',
  csv: 'text/csv',
  'csv-nodes': 'text/csv',
};

export function exportFileName(format: ExportFormat, asOf: string): string {
  const ext = format === 'csv-nodes' ? 'nodes.csv' : format === 'csv' ? 'edges.csv' : format;
  return `entente-alliances-${asOf}.${ext}`;
}

export function writeNetwork(graph: NetworkGraph, format: ExportFormat, asOf: string): string {
  switch (format) {
    case 'gexf':
      return writeGexf(graph, asOf);
    case 'graphml':
      return writeGraphml(graph, asOf);
    case 'csv':
      return writeCsv(graph, 'edges');
    case 'csv-nodes':
      return writeCsv(graph, 'nodes');
  }
}
