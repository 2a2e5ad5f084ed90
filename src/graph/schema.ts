/**
 * The database schema: named constraints, indexes and the full-text index, one statement per file in
 * `cypher/schema/`, applied in file order. Every statement says IF NOT EXISTS, so applying is idempotent and
 * runs at every start.
 */
import { cypherFolder } from './cypher.ts';
import type { Graph } from './graph.ts';

export async function applySchema(graph: Graph): Promise<number> {
  const statements = cypherFolder('schema');
  for (const { name } of statements) {
    // Schema changes cannot share a transaction with each other or with data writes.
    await graph.write((tx) => tx.run(name));
  }
  await graph.write((tx) => tx.run('schema-support/await-indexes'));
  return statements.length;
}

/** True when every constraint and index of `cypher/schema/` exists and is online (for /ready). */
export async function schemaIsApplied(graph: Graph): Promise<boolean> {
  const expected = cypherFolder('schema')
    .map(({ text }) => /CREATE\s+(?:FULLTEXT\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)/i.exec(text)?.[1])
    .filter((name): name is string => Boolean(name));
  const rows = await graph.read<{ name: string; state: string }>('schema-support/list-indexes');
  const online = new Set(rows.filter((r) => r.state === 'ONLINE').map((r) => r.name));
  return expected.every((name) => online.has(name));
}
