/**
 * GraphML for Gephi, yEd and networkx. graphology-graphml only parses, so the writer is here: typed keys
 * declared once, every value escaped.
 */
import type { NetworkGraph } from './graph.ts';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

type KeyType = 'string' | 'int' | 'double';
const NODE_KEYS: [string, KeyType][] = [['label', 'string'], ['region', 'string'], ['cowCode', 'int'], ['allies', 'int'], ['bloc', 'int'], ['color', 'string'], ['size', 'double'], ['x', 'double'], ['y', 'double']];
const EDGE_KEYS: [string, KeyType][] = [['obligations', 'string'], ['primary', 'string'], ['treaties', 'string'], ['treatyIds', 'string'], ['weight', 'double'], ['color', 'string']];

function data(key: string, value: string | number | null): string {
  return value === null ? '' : `\n      <data key="${key}">${escapeXml(String(value))}</data>`;
}

export function writeGraphml(graph: NetworkGraph, asOf: string): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'];
  lines.push('  <key id="asOf" for="graph" attr.name="asOf" attr.type="string"/>');
  for (const [name, type] of NODE_KEYS) lines.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of EDGE_KEYS) lines.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  lines.push('  <graph id="alliances" edgedefault="undirected">', `    <data key="asOf">${escapeXml(asOf)}</data>`);
  graph.forEachNode((node, a) => {
    lines.push(`    <node id="${escapeXml(node)}">` +
      data('n_label', a.label) + data('n_region', a.region) + data('n_cowCode', a.cowCode) + data('n_allies', a.allies) +
      data('n_bloc', a.bloc) + data('n_color', a.color) + data('n_size', round(a.size)) + data('n_x', round(a.x)) + data('n_y', round(a.y)) +
      '\n    </node>');
  });
  graph.forEachEdge((edge, a, source, target) => {
    lines.push(`    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">` +
      data('e_obligations', a.obligations.join(';')) + data('e_primary', a.primary) + data('e_treaties', a.treatyNames.join('; ')) +
      data('e_treatyIds', a.treatyIds.join(';')) + data('e_weight', a.weight) + data('e_color', a.color) +
      '\n    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
