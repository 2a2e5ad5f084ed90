/**
 * The summary an import ends with: what changed per kind, the malformed rows it skipped (each on its own
 * line), and the quirks it handled on purpose, grouped by kind with an example each.
 */
import type { KindCounts } from './apply.ts';
import { formatIssue, type Issue } from './issues.ts';

export interface ImportSummary {
  /** "ATOP 5.1", "Wikidata leaders". */
  readonly title: string;
  /** What was read, e.g. "2510 member rows, 789 alliances, 243 state spells". */
  readonly read: string;
  readonly counts: readonly KindCounts[];
  readonly issues: readonly Issue[];
  readonly seconds: number;
  /** Rows written per second (created, updated and removed elements). */
  readonly rate: number;
  /** False when a `--strict` import found malformed rows and wrote nothing. */
  readonly written: boolean;
  readonly singleTransaction: boolean;
  readonly dryRun?: boolean;
  /** Set when Neo4j would not refresh its statistics and plans after the write (see Graph.replan). */
  readonly replanWarning?: string;
}

export function totals(counts: readonly KindCounts[]): Omit<KindCounts, 'kind'> {
  return counts.reduce(
    (t, c) => ({ created: t.created + c.created, updated: t.updated + c.updated, removed: t.removed + c.removed, unchanged: t.unchanged + c.unchanged }),
    { created: 0, updated: 0, removed: 0, unchanged: 0 },
  );
}

export function formatSummary(summary: ImportSummary, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const errors = summary.issues.filter((i) => i.severity === 'error');
  const notices = summary.issues.filter((i) => i.severity === 'notice');
  if (!summary.written) {
    lines.push(`${summary.title}: ${errors.length} malformed row${errors.length === 1 ? '' : 's'} and --strict: nothing was written.`);
    lines.push(...errors.map((e) => `  ${formatIssue(e)}`));
    lines.push('Fix the rows, or run without --strict to skip them.');
    return lines.join('\n');
  }
  const t = totals(summary.counts);
  lines.push(`${summary.title}: read ${summary.read} in ${summary.seconds.toFixed(1)} s${summary.dryRun ? ' (dry run: nothing was written)' : ''}.`);
  const width = Math.max(...summary.counts.map((c) => c.kind.length), 'total'.length);
  const cell = (n: number) => String(n).padStart(10);
  lines.push(`  ${''.padEnd(width)}  ${['created', 'updated', 'removed', 'unchanged'].map((h) => h.padStart(10)).join('')}`);
  for (const c of [...summary.counts, { kind: 'total', ...t }]) {
    lines.push(`  ${c.kind.padEnd(width)}  ${cell(c.created)}${cell(c.updated)}${cell(c.removed)}${cell(c.unchanged)}`);
  }
  const written = t.created + t.updated + t.removed;
  lines.push(
    written === 0
      ? '  No changes: the graph already holds exactly this data.'
      : `  ${written} element${written === 1 ? '' : 's'} written (${Math.round(summary.rate)} rows/s)${summary.singleTransaction ? ' in one transaction' : ', committed batch by batch'}.`,
  );
  if (summary.replanWarning) lines.push(`Warning: ${summary.replanWarning}`);
  if (errors.length > 0) {
    lines.push(`Skipped ${errors.length} malformed row${errors.length === 1 ? '' : 's'} (--strict stops instead):`);
    lines.push(...errors.map((e) => `  ${formatIssue(e)}`));
  }
  if (notices.length > 0) {
    lines.push('Handled on purpose:');
    const groups = new Map<string, Issue[]>();
    for (const n of notices) groups.set(n.kind, [...(groups.get(n.kind) ?? []), n]);
    for (const [kind, group] of groups) {
      if (options.verbose) {
        lines.push(`  ${kind} (${group.length}):`, ...group.map((n) => `    ${formatIssue(n)}`));
      } else {
        lines.push(`  ${kind}: ${group.length}, e.g. ${formatIssue(group[0]!)}`);
      }
    }
    if (!options.verbose) lines.push('  (--verbose lists every one)');
  }
  return lines.join('\n');
}
