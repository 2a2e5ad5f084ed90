/**
 * The difference between what a file says and what the graph holds, per kind of element. Every element an
 * importer writes has a stable key and a hash of its content; comparing them with the keys and hashes the
 * graph holds for the same origin tells exactly what to create, update and remove, and what to leave alone.
 */

/** One element to write: `props` are stored as they are (`*Date` fields become Neo4j dates), `ref` names the
 * nodes a relationship joins. */
export interface ImportRow {
  readonly key: string;
  readonly hash: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly ref?: Readonly<Record<string, unknown>>;
}

/** What the graph holds for one key. `hash` is null when the element exists but carries no import hash. */
export interface Existing {
  readonly key: string;
  readonly hash: string | null;
  /** Set when the element belongs to the seeds (`:Seeded`): joined, never overwritten. */
  readonly seeded?: boolean;
}

export interface Plan {
  readonly created: ImportRow[];
  readonly updated: ImportRow[];
  readonly removed: string[];
  readonly unchanged: number;
}

export function plan(rows: readonly ImportRow[], existing: readonly Existing[]): Plan {
  const held = new Map(existing.map((e) => [e.key, e.hash]));
  const wanted = new Set<string>();
  const created: ImportRow[] = [];
  const updated: ImportRow[] = [];
  let unchanged = 0;
  for (const row of rows) {
    if (wanted.has(row.key)) throw new Error(`two import rows share the key ${row.key}`);
    wanted.add(row.key);
    if (!held.has(row.key)) created.push(row);
    else if (held.get(row.key) !== row.hash) updated.push(row);
    else unchanged += 1;
  }
  const removed = existing.filter((e) => !wanted.has(e.key)).map((e) => e.key);
  return { created, updated, removed, unchanged };
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
