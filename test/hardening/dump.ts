/**
 * A canonical dump of the whole graph, to compare two states exactly: every node as its labels and
 * properties, every relationship as its type, its endpoints (by their labels and properties) and its
 * properties, each list sorted. Internal ids play no part, so two loads of the same data dump the same.
 */
import neo4j from 'neo4j-driver';
import { createHash } from 'node:crypto';
import type { Graph } from '../../src/graph/graph.ts';

export interface CanonicalDump {
  nodes: string[];
  relationships: string[];
}

/** Plain JSON for any property value: temporal and spatial values as their ISO text, maps with sorted keys. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  if (neo4j.isInt(value)) return (value as { toString(): string }).toString();
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && typeof (value as { toString?: unknown }).toString === 'function') {
    return `${proto.constructor?.name ?? 'value'}:${String(value)}`;
  }
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, plain((value as Record<string, unknown>)[key])]));
}

export async function canonicalDump(graph: Graph): Promise<CanonicalDump> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    const nodeRows = await session.run('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props');
    const keyOf = new Map<string, string>();
    const nodes: string[] = [];
    for (const record of nodeRows.records) {
      const text = JSON.stringify({ labels: [...(record.get('labels') as string[])].sort(), props: plain(record.get('props')) });
      keyOf.set(record.get('id') as string, createHash('sha256').update(text).digest('hex').slice(0, 16));
      nodes.push(text);
    }
    const relRows = await session.run('MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS type, properties(r) AS props, elementId(b) AS b');
    const relationships = relRows.records.map((record) =>
      JSON.stringify({ from: keyOf.get(record.get('a') as string), type: record.get('type'), to: keyOf.get(record.get('b') as string), props: plain(record.get('props')) }),
    );
    return { nodes: nodes.sort(), relationships: relationships.sort() };
  } finally {
    await session.close();
  }
}

/** A short fingerprint of a dump, for messages. */
export function fingerprint(dump: CanonicalDump): string {
  return `${dump.nodes.length} nodes, ${dump.relationships.length} relationships, sha256 ${createHash('sha256').update(JSON.stringify(dump)).digest('hex').slice(0, 12)}`;
}
