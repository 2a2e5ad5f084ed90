/**
 * Reading typed values out of CSV cells, each failure reported against its row and column.
 */
import type { CsvRow } from './csv.ts';
import type { IssueLog } from './issues.ts';

export class RowReader {
  constructor(
    readonly file: string,
    readonly row: CsvRow,
    readonly issues: IssueLog,
  ) {}

  get line(): number {
    return this.row.line;
  }

  text(column: string): string {
    return this.row.values[column] ?? '';
  }

  error(column: string, message: string): undefined {
    this.issues.error(this.file, this.row.line, column, message);
    return undefined;
  }

  notice(kind: string, column: string, message: string): void {
    this.issues.notice(kind, this.file, this.row.line, column, message);
  }

  /** An integer; an empty cell is `undefined` when `optional`, else an error. */
  int(column: string, options: { optional?: boolean; min?: number; max?: number } = {}): number | undefined {
    const raw = this.text(column);
    if (raw === '') return options.optional ? undefined : this.error(column, 'is empty; a whole number is required');
    if (!/^-?\d+$/.test(raw)) return this.error(column, `"${raw}" is not a whole number`);
    const value = Number(raw);
    if (options.min !== undefined && value < options.min) return this.error(column, `${value} is below ${options.min}`);
    if (options.max !== undefined && value > options.max) return this.error(column, `${value} is above ${options.max}`);
    return value;
  }

  /** A 0/1 dummy; empty counts as 0 when `emptyIsZero`. */
  flag(column: string, options: { emptyIsZero?: boolean } = {}): boolean | undefined {
    const raw = this.text(column);
    if (raw === '' && options.emptyIsZero) return false;
    if (raw === '0') return false;
    if (raw === '1') return true;
    return this.error(column, raw === '' ? 'is empty; 0 or 1 is required' : `"${raw}" is not 0 or 1`);
  }
}
