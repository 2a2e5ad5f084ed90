/**
 * What an import found wrong with its input. An error is a malformed row: it is skipped (and listed) by
 * default, and stops a `--strict` import before anything is written. A notice is a known quirk of the data
 * that the importer handles on purpose (a placeholder date dropped, a duplicate spell merged): it is counted
 * and shown, never fatal. Both read like `file:row: column: what is wrong`, row being the line in the file.
 */
import path from 'node:path';

export type Severity = 'error' | 'notice';

export interface Issue {
  readonly severity: Severity;
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly message: string;
  /** Groups notices of one kind in the summary ("placeholder-date"); errors are always listed one by one. */
  readonly kind: string;
}

export class IssueLog {
  readonly issues: Issue[] = [];

  error(file: string, row: number, column: string, message: string): void {
    this.issues.push({ severity: 'error', file, row, column, message, kind: 'malformed' });
  }

  notice(kind: string, file: string, row: number, column: string, message: string): void {
    this.issues.push({ severity: 'notice', file, row, column, message, kind });
  }

  /** Drops the notices of one kind, for a step that may run again (a retried transaction) and re-reports. */
  forget(kind: string): void {
    for (let i = this.issues.length - 1; i >= 0; i -= 1) {
      if (this.issues[i]!.severity === 'notice' && this.issues[i]!.kind === kind) this.issues.splice(i, 1);
    }
  }

  get errors(): Issue[] {
    return this.issues.filter((issue) => issue.severity === 'error');
  }

  get notices(): Issue[] {
    return this.issues.filter((issue) => issue.severity === 'notice');
  }

  /** Whether this file's row already has an error (so one bad row is skipped once, however many faults). */
  hasError(file: string, row: number): boolean {
    return this.issues.some((issue) => issue.severity === 'error' && issue.file === file && issue.row === row);
  }
}

/** `atop5_1m.csv:203: member: 8152 is not ...`, the file shown relative to the working directory. */
export function formatIssue(issue: Issue): string {
  return `${shownPath(issue.file)}:${issue.row}: ${issue.column}: ${issue.message}`;
}

export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
