/**
 * A canonical dump of the whole graph: every node (labels and properties) and relationship (type, its
 * ends' keys and properties), sorted, as JSON lines. Two graphs are the same exactly when their dumps are.
 */
import type { Graph } from '../../src/graph/graph.ts';

const key = (v: string) => `coalesce(${v}.seedKey, ${v}.id, ${v}.code, elementId(${v}))`;

export async function canonicalDump(graph: Graph): Promise<string[]> {
  const rows = await graph.readText<{ kind: string; key: string; labels: string[]; props: Record<string, unknown> }>(
    `MATCH (n) RETURN 'node' AS kind, ${key('n')} AS key, labels(n) AS labels, properties(n) AS props
     UNION ALL
     MATCH (a)-[r]->(b)
     RETURN 'rel' AS kind, ${key('a')} + ' -[' + type(r) + ']-> ' + ${key('b')} AS key, [] AS labels, properties(r) AS props`,
  );
  return rows
    .map((r) => JSON.stringify([r.kind, r.key, [...r.labels].sort(), sortKeys(r.props)]))
    .sort();
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  if (value && typeof value === 'object' && 'toString' in value) return String(value);
  return value;
}
