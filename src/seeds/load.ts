/**
 * The seed loader: makes the graph mirror the seed files. It checks the pack first (nothing is written when
 * any file has a problem), then, in ONE write transaction, reads which seed elements the graph holds,
 * and creates, updates and removes exactly the difference, in batches. A failure anywhere (a bad statement,
 * a lost connection) rolls the whole transaction back, so the graph is left as it was. Data brought by other
 * importers is never touched: only elements marked as the seeds' own are compared and removed.
 */
import neo4j from 'neo4j-driver';
import { EntenteError } from '../errors.ts';
import { loadAllCypher } from '../graph/cypher.ts';
import type { Graph, WriteTx } from '../graph/graph.ts';
import { checkSeeds } from './check.ts';
import { kindOfKey, NODE_STATEMENTS, RELATIONSHIP_STATEMENTS, STATEMENT_LABELS, planSeeds, type PlannedRow, type Statement } from './plan.ts';
import type { SeedProblem } from './read.ts';

export const BATCH_SIZE = 500;

export interface KindCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface LoadReport {
  files: number;
  /** Counts per kind of element (treaties, parties, ...), for elements the seeds describe. */
  kinds: Record<string, KindCounts>;
  /** Elements removed because they are no longer in the seeds (their kind is no longer known). */
  removed: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Set when Neo4j would not refresh its statistics and plans after the load (see Graph.replan). */
  replanWarning?: string;
}

export interface LoadOptions {
  dir: string;
  /** Compute the report without writing (the transaction is rolled back). */
  dryRun?: boolean;
  cwd?: string;
}

/** Formats problems the way the check command prints them: `file:line: path: message`. */
export function formatProblem(p: SeedProblem): string {
  return `${p.file}:${p.line}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

class DryRun extends Error {
  constructor(readonly report: LoadReport) {
    super('dry run');
  }
}

export async function loadSeeds(graph: Graph, options: LoadOptions): Promise<LoadReport> {
  loadAllCypher(['load']);
  const { pack, problems, fileCount } = checkSeeds(options.dir, options.cwd);
  if (problems.length > 0) {
    throw new EntenteError(
      'SEED_INVALID',
      `The seeds have ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was loaded. Fix them and run again:\n${problems.map(formatProblem).join('\n')}`,
      { problems },
    );
  }
  const plan = planSeeds(pack);
  try {
    const report = await graph.write(async (tx) => {
      const report = await mirror(tx, plan, fileCount);
      if (options.dryRun) throw new DryRun(report);
      return report;
    });
    const replanWarning = report.created + report.updated + report.removed > 0 ? await graph.replan() : undefined;
    return replanWarning ? { ...report, replanWarning } : report;
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof DryRun) return cause.report;
    throw error;
  }
}

async function mirror(tx: WriteTx, plan: Map<Statement, PlannedRow[]>, files: number): Promise<LoadReport> {
  const current = new Map<string, { hash: string; start: string | null }>();
  for (const r of await tx.run<{ key: string; hash: string; start: string | null }>('load/seed-state')) {
    current.set(r.key, { hash: r.hash, start: r.start });
  }
  const report: LoadReport = { files, kinds: {}, removed: 0, created: 0, updated: 0, unchanged: 0 };
  const wanted = new Set<string>();
  const writes = new Map<Statement, PlannedRow[]>();
  for (const [statement, rows] of plan) {
    const counts: KindCounts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
    const changed: PlannedRow[] = [];
    for (const r of rows) {
      wanted.add(r.key);
      const existing = current.get(r.key);
      if (!existing) counts.created += 1;
      else if (existing.hash !== r.hash) counts.updated += 1;
      else {
        counts.unchanged += 1;
        continue;
      }
      changed.push(r);
    }
    report.kinds[STATEMENT_LABELS[statement]] = counts;
    writes.set(statement, changed);
  }

  const goneRelationships: { key: string; start: string }[] = [];
  const goneNodes: string[] = [];
  for (const [key, { start }] of current) {
    if (wanted.has(key)) continue;
    if (start === null) goneNodes.push(key);
    else goneRelationships.push({ key, start });
  }
  attributeRemovals(report, goneNodes, goneRelationships);

  await inBatches(goneRelationships, (rows) => tx.run('load/delete-relationships', { rows }));
  for (const statement of [...NODE_STATEMENTS, ...RELATIONSHIP_STATEMENTS]) {
    await inBatches(writes.get(statement) ?? [], (rows) => tx.run(statement, { rows: rows.map(toParameters) }));
  }
  await inBatches(goneNodes, (keys) => tx.run('load/delete-nodes', { keys }));

  for (const counts of Object.values(report.kinds)) {
    report.created += counts.created;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
  }
  return report;
}

/** Counts removals under the kind their key names (`Treaty:...`, `party/...`). */
function attributeRemovals(report: LoadReport, nodes: string[], relationships: { key: string }[]): void {
  for (const key of [...nodes, ...relationships.map((r) => r.key)]) {
    const kind = kindOfKey(key);
    report.kinds[kind] ??= { created: 0, updated: 0, removed: 0, unchanged: 0 };
    report.kinds[kind].removed += 1;
    report.removed += 1;
  }
}

async function inBatches<T>(items: T[], run: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_SIZE) await run(items.slice(i, i + BATCH_SIZE));
}

/** Splits a planned row into the statement's parameters; `*Date` fields become Neo4j dates. */
function toParameters(r: PlannedRow): { key: string; hash: string; props: Record<string, unknown> } {
  const { key, hash, start: _start, ...fields } = r;
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.endsWith('Date') && typeof value === 'string') props[name] = toNeo4jDate(value);
    // A JavaScript number reaches Neo4j as a float; the seeds' numbers (COW codes, ATOP ids, article
    // counts) are whole numbers and must be stored as integers, to match what the importers write.
    else if (typeof value === 'number' && Number.isInteger(value)) props[name] = neo4j.int(value);
    else props[name] = value;
  }
  return { key, hash, props };
}

function toNeo4jDate(day: string): neo4j.Date<number> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/** The report as the CLI prints it: one line per kind that changed, then the totals. */
export function formatReport(report: LoadReport): string {
  const lines: string[] = [];
  for (const [kind, c] of Object.entries(report.kinds)) {
    if (c.created + c.updated + c.removed === 0) continue;
    const parts = [c.created && `${c.created} created`, c.updated && `${c.updated} updated`, c.removed && `${c.removed} removed`].filter(Boolean);
    lines.push(`  ${kind}: ${parts.join(', ')}`);
  }
  const total = report.created + report.updated + report.removed;
  lines.push(
    total === 0
      ? `Seeds loaded from ${report.files} files: no changes (${report.unchanged} elements already up to date).`
      : `Seeds loaded from ${report.files} files: ${report.created} created, ${report.updated} updated, ${report.removed} removed, ${report.unchanged} unchanged.`,
  );
  if (report.replanWarning) lines.push(`Warning: ${report.replanWarning}`);
  return lines.join('\n');
}
