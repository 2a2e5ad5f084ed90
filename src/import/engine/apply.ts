/**
 * Writes what an import planned. In ONE write transaction it reads what the graph holds for each kind of
 * element, plans the difference (plan.ts), then creates and updates in batches (`UNWIND $rows`) in the order
 * the kinds are given, and removes what disappeared in the reverse order (relationships before the nodes they
 * join). A failure anywhere rolls everything back, so a failed import leaves the graph as it was.
 *
 * An import too large for one transaction (more than `singleTransactionLimit` writes, e.g. a synthetic world
 * 100 times ATOP's size) commits in transactions of about a third of that instead: still idempotent, since a
 * rerun finishes what a failure left.
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
        await runSteps(steps(sets, plans, batchSize), options.progress, options.label, async (group) => {
          for (const step of group) await tx.run(step.name, paramsOf(step));
        });
        return result;
      });
    } catch (error) {
      const rolledBack = error instanceof RolledBack ? error : (error as { cause?: unknown }).cause;
      if (rolledBack instanceof RolledBack) return rolledBack.result;
      throw error;
    }
  }
  const plans = await graph.write((tx) => planAll(tx, sets, options));
  // Each transaction takes about `limit / 3` rows: few enough to stay small, enough to keep commits rare.
  await runSteps(steps(sets, plans, batchSize), options.progress, options.label, (group) =>
    graph.write(async (tx) => {
      for (const step of group) await tx.run(step.name, paramsOf(step));
    }), Math.max(1, Math.floor(limit / 3 / batchSize)));
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

interface Step {
  name: string;
  setParams: Readonly<Record<string, unknown>> | undefined;
  /** Rows to upsert, or keys to remove; turned into parameters only when the step runs. */
  rows?: readonly ImportRow[];
  keys?: readonly string[];
  count: number;
}

/** Upserts in the order of the sets, then removals in reverse order (relationships before their nodes). */
function steps(sets: readonly ElementSet[], plans: readonly Plan[], batchSize: number): Step[] {
  const out: Step[] = [];
  for (const [i, set] of sets.entries()) {
    const { created, updated } = plans[i]!;
    for (const rows of batches([...created, ...updated], batchSize)) out.push({ name: set.upsert, setParams: set.params, rows, count: rows.length });
  }
  for (const [i, set] of [...sets.entries()].reverse()) {
    for (const keys of batches(plans[i]!.removed, batchSize)) out.push({ name: set.remove, setParams: set.params, keys, count: keys.length });
  }
  return out;
}

function paramsOf(step: Step): Record<string, unknown> {
  return step.rows ? { ...step.setParams, rows: step.rows.map(toParameters) } : { ...step.setParams, keys: step.keys };
}

/** Runs the steps `perGroup` at a time (a group is one transaction in batch mode), advancing the bar. */
async function runSteps(all: Step[], progress: Progress, label: string, run: (group: Step[]) => Promise<void>, perGroup = 1): Promise<void> {
  progress.start(label, all.reduce((n, s) => n + s.count, 0));
  try {
    for (const group of batches(all, perGroup)) {
      await run(group);
      progress.advance(group.reduce((n, s) => n + s.count, 0));
    }
  } finally {
    progress.stop();
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
