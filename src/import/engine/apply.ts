/**
 * Writes what an import planned. In ONE write transaction it reads what the graph holds for each kind of
 * element, plans the difference (plan.ts), then creates and updates in batches (`UNWIND $rows`) in the order
 * the kinds are given, and removes what disappeared in the reverse order (relationships before the nodes they
 * join). A failure anywhere rolls everything back, so a failed import leaves the graph as it was.
 *
 * An import too large for one transaction (`singleTransactionLimit` writes, e.g. a synthetic world 100 times
 * ATOP's size) commits batch by batch instead: still idempotent, since a rerun finishes what was left.
 */
import neo4j from 'neo4j-driver';
import type { Graph, WriteTx } from '../../graph/graph.ts';
import { batches, plan, type Existing, type ImportRow, type Plan } from './plan.ts';
import type { Progress } from './progress.ts';

export interface ElementSet {
  /** Shown in the summary: "treaties", "parties". */
  readonly kind: string;
  /** Returns `{ key, hash, seeded? }` for every element of this kind the importer owns or joins. */
  readonly existing: string;
  /** Takes `$rows` (key, hash, props, ref): creates or updates them. */
  readonly upsert: string;
  /** Takes `$keys`: removes them. */
  readonly remove: string;
  /** The rows to hold; a function when they depend on what the graph holds (e.g. seed-owned nations). */
  readonly rows: readonly ImportRow[] | ((held: ReadonlyMap<string, readonly Existing[]>) => readonly ImportRow[]);
  /** Extra parameters for the three statements. */
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface KindCounts {
  kind: string;
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** Reads that plans depend on, run in the same transaction: each returns `key`, and the rows functions find
 * the keys under `lookup:<name>`. */
export type Lookups = Readonly<Record<string, { statement: string; params?: Record<string, unknown> }>>;

export interface ApplyOptions {
  /** The progress bar's label: "atop". */
  label: string;
  batchSize?: number;
  progress: Progress;
  /** Statements run first, in the same transaction, before anything is read (e.g. joining duplicates). */
  before?: readonly string[];
  lookups?: Lookups;
  /** Above this many writes the import commits batch by batch. */
  singleTransactionLimit?: number;
  /** Plan and count, then roll back. */
  dryRun?: boolean;
}

export const DEFAULT_BATCH_SIZE = 1_000;
export const DEFAULT_SINGLE_TRANSACTION_LIMIT = 60_000;

export interface ApplyResult {
  counts: KindCounts[];
  /** Whether everything committed in one transaction. */
  singleTransaction: boolean;
}

class RolledBack extends Error {
  constructor(readonly result: ApplyResult) {
    super('dry run');
  }
}

export async function applySets(graph: Graph, sets: readonly ElementSet[], options: ApplyOptions): Promise<ApplyResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const limit = options.singleTransactionLimit ?? DEFAULT_SINGLE_TRANSACTION_LIMIT;
  // Counting the rows is cheap; the rows themselves may depend on what the graph holds.
  const estimate = sets.reduce((n, s) => n + (typeof s.rows === 'function' ? 0 : s.rows.length), 0);
  if (estimate <= limit || options.dryRun) {
    try {
      return await graph.write(async (tx) => {
        const plans = await planAll(tx, sets, options);
        const result: ApplyResult = { counts: countsOf(sets, plans), singleTransaction: true };
        if (options.dryRun) throw new RolledBack(result);
        await writeAll(sets, plans, batchSize, options, (name, params) => tx.run(name, params));
        return result;
      });
    } catch (error) {
      const rolledBack = error instanceof RolledBack ? error : (error as { cause?: unknown }).cause;
      if (rolledBack instanceof RolledBack) return rolledBack.result;
      throw error;
    }
  }
  const plans = await graph.write((tx) => planAll(tx, sets, options));
  await writeAll(sets, plans, batchSize, options, (name, params) => graph.write((tx) => tx.run(name, params)));
  return { counts: countsOf(sets, plans), singleTransaction: false };
}

async function planAll(tx: WriteTx, sets: readonly ElementSet[], options: ApplyOptions): Promise<Plan[]> {
  for (const name of options.before ?? []) await tx.run(name);
  const held = new Map<string, Existing[]>();
  for (const [name, lookup] of Object.entries(options.lookups ?? {})) {
    const records = await tx.run<{ key: string }>(lookup.statement, { ...lookup.params });
    held.set(`lookup:${name}`, records.map((r) => ({ key: String(r.key), hash: null })));
  }
  for (const set of sets) {
    const records = await tx.run<{ key: string; hash: string | null; seeded?: boolean }>(set.existing, { ...set.params });
    held.set(set.kind, records.map((r) => ({ key: String(r.key), hash: r.hash ?? null, seeded: r.seeded === true })));
  }
  return sets.map((set) => plan(typeof set.rows === 'function' ? set.rows(held) : set.rows, held.get(set.kind) ?? []));
}

async function writeAll(
  sets: readonly ElementSet[],
  plans: readonly Plan[],
  batchSize: number,
  options: ApplyOptions,
  run: (name: string, params: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  const total = plans.reduce((n, p) => n + p.created.length + p.updated.length + p.removed.length, 0);
  options.progress.start(options.label, total);
  try {
    for (const [i, set] of sets.entries()) {
      const { created, updated } = plans[i]!;
      for (const batch of batches([...created, ...updated], batchSize)) {
        await run(set.upsert, { ...set.params, rows: batch.map(toParameters) });
        options.progress.advance(batch.length);
      }
    }
    for (const [i, set] of [...sets.entries()].reverse()) {
      for (const keys of batches(plans[i]!.removed, batchSize)) {
        await run(set.remove, { ...set.params, keys });
        options.progress.advance(keys.length);
      }
    }
  } finally {
    options.progress.stop();
  }
}

function countsOf(sets: readonly ElementSet[], plans: readonly Plan[]): KindCounts[] {
  return sets.map((set, i) => {
    const p = plans[i]!;
    return { kind: set.kind, created: p.created.length, updated: p.updated.length, removed: p.removed.length, unchanged: p.unchanged };
  });
}

/**
 * `*Date` props ("1949-04-04") become Neo4j dates and whole numbers Neo4j integers (a JavaScript number would
 * be stored as a float: atopId 3180.0); everything else is stored as it is.
 */
export function toParameters(row: ImportRow): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row.props)) {
    props[name] = name.endsWith('Date') && typeof value === 'string' ? toNeo4jDate(value) : toValue(value);
  }
  const ref: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row.ref ?? {})) ref[name] = toValue(value);
  return { key: row.key, hash: row.hash, props, ref };
}

function toValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toValue);
  return value;
}

export function toNeo4jDate(day: string): neo4j.Date<number> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}
