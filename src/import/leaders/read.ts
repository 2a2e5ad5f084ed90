/**
 * Reads leaders_history.csv (heads of state and government from Wikidata): one row per spell in office.
 * Wikidata's quirks are handled, and reported, here: a placeholder date (`+0000-00-00`) or an "unknown value"
 * (a `.well-known/genid` link) leaves the date missing; a spell dated before the common era is left out, as
 * Entente's dates start at year 1. A date that is none of these, or an end before the start, is a malformed row.
 */
import { parsePartialDate } from '../../model/dates.ts';
import { readCsv } from '../engine/csv.ts';
import { RowReader } from '../engine/fields.ts';
import type { IssueLog } from '../engine/issues.ts';

export type Office = 'head of state' | 'head of government';

export const OFFICES: Readonly<Record<string, Office>> = {
  head_of_state: 'head of state',
  head_of_government: 'head of government',
};

export interface SpellRow {
  readonly qid: string;
  readonly person: string;
  readonly office: Office;
  /** ISO 3166-1 alpha-3 of the nation. */
  readonly nation: string;
  /** At the precision Wikidata gives; undefined when unknown. */
  readonly from?: string;
  readonly to?: string;
  readonly party?: string;
  readonly endCause?: string;
  readonly line: number;
}

const COLUMNS = ['iso3', 'role', 'person', 'person_qid', 'start', 'end', 'party', 'end_cause'] as const;
const TIMESTAMP = /^([+-]?)(\d{4,})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}Z$/;
const UNKNOWN_VALUE = /^https?:\/\/www\.wikidata\.org\/\.well-known\/genid\//;

export function readLeaderSpells(file: string, issues: IssueLog): { spells: SpellRow[]; rows: number } {
  const table = readCsv(file, COLUMNS, issues, 'pass leaders_history.csv with --file');
  const spells: SpellRow[] = [];
  for (const row of table.rows) {
    const r = new RowReader(file, row, issues);
    const { qid, office, nation } = readHolder(r);
    const person = r.text('person');
    if (!person) r.error('person', 'is empty; the leader needs a name');
    const from = wikidataDate(r, 'start');
    const to = wikidataDate(r, 'end');
    if (typeof from === 'string' && typeof to === 'string' && to < from) r.error('end', `the spell ends (${to}) before it starts (${from})`);
    if (issues.hasError(file, row.line) || !office || from === null || to === null) continue;
    spells.push({
      qid, person, office, nation, from, to,
      party: r.text('party') || undefined,
      endCause: r.text('end_cause') || undefined,
      line: row.line,
    });
  }
  return { spells, rows: table.rows.length };
}

/** Each leader's name by QID, as the first spell gives it. */
export function namesByQid(spells: readonly SpellRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of spells) if (!names.has(s.qid)) names.set(s.qid, s.person);
  return names;
}

/** Who held which office of which nation: the columns leaders_history.csv and leaders_current.csv share. */
export function readHolder(r: RowReader): { qid: string; office: Office | undefined; nation: string } {
  const qid = r.text('person_qid');
  if (!/^Q[1-9]\d*$/.test(qid)) r.error('person_qid', qid ? `"${qid}" is not a Wikidata QID such as Q7747` : 'is empty; a Wikidata QID is required');
  const office = OFFICES[r.text('role')];
  if (!office) r.error('role', `"${r.text('role')}" is not head_of_state or head_of_government`);
  const nation = r.text('iso3');
  if (!/^[A-Z]{3}$/.test(nation)) r.error('iso3', `"${nation}" is not an ISO 3166-1 alpha-3 code`);
  return { qid, office, nation };
}

/**
 * The date of a Wikidata timestamp at its precision ("1961-07-06"; a month or day of 00 lowers it to
 * "1961-07" or "1961"); undefined when unknown; null when the spell must be left out (before the common era).
 */
function wikidataDate(r: RowReader, column: string): string | null | undefined {
  const text = r.text(column);
  if (text === '') return undefined;
  if (UNKNOWN_VALUE.test(text)) {
    r.notice('unknown-date', column, `Wikidata gives "unknown value" (${text}); the date is left missing`);
    return undefined;
  }
  const match = TIMESTAMP.exec(text);
  if (!match) return r.error(column, `"${text}" is not a Wikidata timestamp such as 1961-07-06T00:00:00Z`);
  const [, sign, year, month, day] = match as unknown as [string, string, string, string, string];
  if (/^0+$/.test(year)) {
    r.notice('placeholder-date', column, `${text} is a placeholder, not a date; the date is left missing`);
    return undefined;
  }
  if (sign === '-') {
    r.notice('before-common-era', column, `${text} is before the common era, which Entente's dates do not cover; the spell is left out`);
    return null;
  }
  if (year.length > 4) return r.error(column, `${text} has a ${year.length}-digit year`);
  const partial = month === '00' ? year : day === '00' ? `${year}-${month}` : `${year}-${month}-${day}`;
  return parsePartialDate(partial) ? partial : r.error(column, `${text} is not a real date`);
}
