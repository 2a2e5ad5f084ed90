/**
 * The steps every import takes: read and check the files (collecting every issue), stop before writing when
 * `--strict` meets a malformed row, else write the difference and sum it up.
 */
import type { Graph } from '../../graph/graph.ts';
import { applySets, type ElementSet, type Lookups } from './apply.ts';
import { IssueLog } from './issues.ts';
import { silentProgress, type Progress } from './progress.ts';
import { totals, type ImportSummary } from './summary.ts';

export interface ImportOptions {
  /** Write nothing when any row is malformed. */
  strict?: boolean;
  /** Rows per `UNWIND $rows` statement. */
  batchSize?: number;
  progress?: Progress;
  /** Plan and count, then roll back. */
  dryRun?: boolean;
  /** Above this many writes, commit batch by batch (see apply.ts). */
  singleTransactionLimit?: number;
}

export interface ImportSpec {
  readonly title: string;
  /** The progress bar's label. */
  readonly label: string;
  /** Reads the files; throws an EntenteError for a file that cannot be used at all. */
  read(issues: IssueLog): { sets: ElementSet[]; read: string; before?: string[]; lookups?: Lookups };
}

export async function runImport(graph: Graph, spec: ImportSpec, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const issues = new IssueLog();
  const { sets, read, before, lookups } = spec.read(issues);
  const base = { title: spec.title, read, issues: issues.issues, dryRun: options.dryRun };
  if (options.strict && issues.errors.length > 0) {
    return { ...base, counts: [], seconds: (performance.now() - started) / 1000, rate: 0, written: false, singleTransaction: true };
  }
  const writeStarted = performance.now();
  const result = await applySets(graph, sets, {
    label: spec.label,
    batchSize: options.batchSize,
    progress: options.progress ?? silentProgress,
    before,
    lookups,
    dryRun: options.dryRun,
    singleTransactionLimit: options.singleTransactionLimit,
  });
  const t = totals(result.counts);
  const writeSeconds = (performance.now() - writeStarted) / 1000;
  const changed = !options.dryRun && t.created + t.updated + t.removed > 0;
  const replanWarning = changed ? await graph.replan() : undefined;
  return {
    ...base,
    counts: result.counts,
    seconds: (performance.now() - started) / 1000,
    rate: (t.created + t.updated + t.removed) / Math.max(writeSeconds, 1e-3),
    written: true,
    singleTransaction: result.singleTransaction,
    ...(replanWarning ? { replanWarning } : {}),
  };
}
