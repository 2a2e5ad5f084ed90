/**
 * Wikidata's list of current office holders (leaders_current.csv, beside leaders_history.csv), and what it
 * says about the history's open ends. The history leaves a spell's end empty both when the spell goes on and
 * when Wikidata does not know when it ended; it also holds fictional presidents with a start and no end
 * (Quentin Trembley, head of state of the United States from 1837). A tenure without an end whose person,
 * office and nation the current list does not hold is over at a date nobody recorded: it is marked
 * `endUnknown`, keeps `to` empty, and counts on no `asOf` day (src/api/translate/projections.ts, Nation.leaders).
 * The list errs too (it still holds Juan Guaidó as head of government of Venezuela): where the history states
 * the same term with an end (dedupe.ts), that end stands.
 */
import { basename } from 'node:path';
import { readCsv } from '../engine/csv.ts';
import { RowReader } from '../engine/fields.ts';
import type { IssueLog } from '../engine/issues.ts';
import type { Tenure } from './dedupe.ts';
import { readHolder, type Office } from './read.ts';

const COLUMNS = ['iso3', 'role', 'person_qid'] as const;

/** The current list's holders, as `holderKey`s. Its dates are not read: the history gives them. */
export function readCurrentHolders(file: string, issues: IssueLog): Set<string> {
  const table = readCsv(file, COLUMNS, issues, 'pass leaders_current.csv with --current');
  const holders = new Set<string>();
  for (const row of table.rows) {
    const { qid, office, nation } = readHolder(new RowReader(file, row, issues));
    if (issues.hasError(file, row.line) || !office) continue;
    holders.add(holderKey(qid, office, nation));
  }
  return holders;
}

function holderKey(qid: string, office: Office, nation: string): string {
  return `${qid}|${office}|${nation}`;
}

/** Marks the open tenures the current list does not hold as ended on an unknown date, with a notice each. */
export function markEnded(historyFile: string, currentFile: string, tenures: readonly Tenure[], holders: ReadonlySet<string>, names: ReadonlyMap<string, string>, issues: IssueLog): Tenure[] {
  return tenures.map((t) => {
    if (t.to !== undefined || holders.has(holderKey(t.qid, t.office, t.nation))) return t;
    issues.notice('end-unknown', historyFile, t.lines[0]!, 'end',
      `${names.get(t.qid) ?? t.qid} as ${t.office} of ${t.nation}${t.from ? ` (from ${t.from})` : ''} has no end, but ${basename(currentFile)} does not list ${t.qid} as a current holder: the tenure is over, on a date the file does not give`);
    return { ...t, endUnknown: true };
  });
}
