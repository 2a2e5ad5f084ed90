/**
 * CSV in the shape Gephi's spreadsheet import expects: an edges table (Source, Target, Type, Weight, ...) and
 * a nodes table (Id, Label, ...). RFC 4180 quoting.
 */
import type { NetworkGraph } from './graph.ts';

export type CsvTable = 'edges' | 'nodes';

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rows(table: (string | number | null)[][]): string {
  return table.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function writeCsv(graph: NetworkGraph, table: CsvTable = 'edges'): string {
  if (table === 'nodes') {
    const out: (string | number | null)[][] = [['Id', 'Label', 'Region', 'CowCode', 'Allies', 'Bloc', 'Color']];
    graph.forEachNode((node, a) => out.push([node, a.label, a.region, a.cowCode, a.allies, a.bloc, a.color]));
    return rows(out);
  }
  const out: (string | number | null)[][] = [['Source', 'Target', 'Type', 'Weight', 'Obligations', 'Primary', 'Treaties', 'TreatyIds']];
  graph.forEachEdge((_edge, a, source, target) =>
    out.push([source, target, 'Undirected', a.weight, a.obligations.join(';'), a.primary, a.treatyNames.join('; '), a.treatyIds.join(';')]),
  );
  return rows(out);
}
