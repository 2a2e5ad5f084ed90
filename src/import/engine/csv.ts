/**
 * Reads a CSV file into rows that remember their line number, so every problem can be reported as
 * `file:line: column: ...`. A row with the wrong number of fields is an error of that row, not of the file;
 * a missing file or a missing column stops the import with a sentence that says what to pass instead.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { EntenteError } from '../../errors.ts';
import { shownPath, type IssueLog } from './issues.ts';

export interface CsvRow {
  /** The line the row starts on (the header is line 1). */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export function readCsv(file: string, required: readonly string[], issues: IssueLog, hint = ''): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EntenteError('IMPORT_FILE_MISSING', `Cannot read ${shownPath(file)}${hint ? `: ${hint}` : '.'}`, { file }, { cause: error });
  }
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new EntenteError('IMPORT_CSV_UNREADABLE', `${shownPath(file)}:${line}: not a readable CSV file (${(error as Error).message}).`, { file }, { cause: error });
  }
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((name) => name.trim());
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new EntenteError(
      'IMPORT_COLUMNS_MISSING',
      `${shownPath(file)}:1: the header lacks ${missing.map((name) => `"${name}"`).join(', ')}: is this the right file${hint ? ` (${hint})` : ''}?`,
      { file, missing },
    );
  }
  const rows: CsvRow[] = [];
  for (const { record, info, raw } of body) {
    // info.lines is the line the record ends on; a quoted field may span lines.
    const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      issues.error(file, line, 'row', `has ${record.length} fields where the header has ${header.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = (record[index] ?? '').trim();
    });
    rows.push({ line, values });
  }
  return { file, header, rows };
}
