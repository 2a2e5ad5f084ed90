/**
 * Reads the Correlates of War state list (states2016.csv: one row per spell of system membership) and the
 * countrycode crosswalk, and gives every COW state its nation code (codes.ts), name, region and spells.
 */
import { parsePartialDate } from '../../model/dates.ts';
import { readCsv } from '../engine/csv.ts';
import { RowReader } from '../engine/fields.ts';
import type { IssueLog } from '../engine/issues.ts';
import { NATION_CODE, stateCode, CODE_OVERRIDES, type CodeSource } from './codes.ts';

export interface Spell {
  readonly from: string;
  /** Null when the spell reaches the end of the data (2016-12-31): the state still exists. */
  readonly to: string | null;
  readonly line: number;
}

export interface State {
  readonly ccode: number;
  readonly abbreviation: string;
  /** The COW name ("German Federal Republic"). */
  readonly cowName: string;
  readonly name: string;
  /**
   * Other names the state is known by: COW's own where the nation bears another (COW 345, "Yugoslavia", is
   * SRB, "Serbia"), and the English names the crosswalk gives its COW code (NAME_COLUMNS), each once.
   */
  readonly aliases: readonly string[];
  readonly code: string;
  readonly codeSource: CodeSource;
  readonly region: string | null;
  readonly spells: readonly Spell[];
  readonly line: number;
}

export interface StateList {
  readonly byCcode: ReadonlyMap<number, State>;
  readonly rows: number;
}

/**
 * States the crosswalk knows under neither their COW nor their Gleditsch-Ward code take the region of the
 * state named here: Korea (COW 730, 1887-1905) that of South Korea (732), as North Korea's is the same.
 */
export const REGION_FROM: ReadonlyMap<number, number> = new Map([[730, 732]]);

/** The last day of COW v2016: a spell ending then is still running. */
export const COW_DATA_END = '2016-12-31';

const STATE_COLUMNS = ['stateabb', 'ccode', 'statenme', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday'] as const;
const CROSSWALK_COLUMNS = ['cown', 'iso3c', 'region', 'gwn'] as const;

/**
 * The crosswalk's English names of a country, read where the file has them: countrycode's own, the UN's,
 * COW's, Polity IV's and V-Dem's ("Czechia", "Eswatini", "Türkiye", "Burma/Myanmar", "Germany East"). ISO's
 * ("Bahamas (the)") is left out: it adds only the article.
 */
export const NAME_COLUMNS = ['country.name.en', 'un.name.en', 'cow.name', 'p4.name', 'vdem.name'] as const;

interface CrosswalkEntry {
  iso3?: string;
  region?: string;
  names: string[];
}

export function readCrosswalk(file: string, issues: IssueLog): { byCown: Map<number, CrosswalkEntry>; byGwn: Map<number, CrosswalkEntry> } {
  const table = readCsv(file, CROSSWALK_COLUMNS, issues, 'countrycode/codelist_without_cldr.csv, given by --crosswalk');
  const byCown = new Map<number, CrosswalkEntry>();
  const byGwn = new Map<number, CrosswalkEntry>();
  for (const row of table.rows) {
    const r = new RowReader(file, row, issues);
    const iso3 = r.text('iso3c') || undefined;
    if (iso3 && !/^[A-Z]{3}$/.test(iso3)) {
      r.error('iso3c', `"${iso3}" is not an ISO 3166-1 alpha-3 code`);
      continue;
    }
    const entry = { iso3, region: r.text('region') || undefined, names: NAME_COLUMNS.map((c) => r.text(c).trim()).filter(Boolean) };
    const cown = r.int('cown', { optional: true, min: 1 });
    const gwn = r.int('gwn', { optional: true, min: 1 });
    if (cown !== undefined) {
      if (byCown.has(cown)) r.error('cown', `COW code ${cown} appears twice in the crosswalk`);
      else byCown.set(cown, entry);
    }
    if (gwn !== undefined && !byGwn.has(gwn)) byGwn.set(gwn, entry);
  }
  return { byCown, byGwn };
}

export function readStates(statesFile: string, crosswalkFile: string, issues: IssueLog): StateList {
  const crosswalk = readCrosswalk(crosswalkFile, issues);
  const table = readCsv(statesFile, STATE_COLUMNS, issues, 'cow-states/states2016.csv, given by --states');
  const drafts = new Map<number, { abbreviation: string; cowName: string; spells: Spell[]; line: number }>();
  for (const row of table.rows) {
    const r = new RowReader(statesFile, row, issues);
    const ccode = r.int('ccode', { min: 1, max: 99_999 });
    const abbreviation = r.text('stateabb');
    // COW's abbreviations are three letters; digits are accepted too, for the synthetic worlds of bench/.
    if (!/^[A-Z0-9]{3}$/.test(abbreviation)) r.error('stateabb', `"${abbreviation}" is not a three-character COW abbreviation`);
    const cowName = r.text('statenme');
    if (!cowName) r.error('statenme', 'is empty');
    const from = cowDate(r, 'styear', 'stmonth', 'stday');
    const end = cowDate(r, 'endyear', 'endmonth', 'endday');
    if (from && end && end < from) r.error('endyear', `the spell ends (${end}) before it starts (${from})`);
    if (ccode === undefined || !from || !end || issues.hasError(statesFile, row.line)) continue;
    const spell = { from, to: end === COW_DATA_END ? null : end, line: row.line };
    const draft = drafts.get(ccode);
    if (!draft) {
      drafts.set(ccode, { abbreviation, cowName, spells: [spell], line: row.line });
    } else if (draft.abbreviation !== abbreviation || draft.cowName !== cowName) {
      r.error('stateabb', `COW ${ccode} is ${draft.abbreviation} "${draft.cowName}" on line ${draft.line}, ${abbreviation} "${cowName}" here`);
    } else {
      draft.spells.push(spell);
    }
  }

  const byCcode = new Map<number, State>();
  const byCode = new Map<string, State>();
  for (const [ccode, draft] of [...drafts].sort(([a], [b]) => a - b)) {
    const entry = crosswalk.byCown.get(ccode);
    let { code, source } = stateCode(ccode, draft.abbreviation, entry?.iso3);
    const clash = byCode.get(code);
    if (clash) {
      // Never two states under one code: the later one keeps its own, COW-derived code.
      issues.notice('code-clash', statesFile, draft.line, 'ccode',
        `COW ${ccode} would share ${code} with COW ${clash.ccode} (${clash.cowName}); it gets X${draft.abbreviation}`);
      ({ code, source } = { code: `X${draft.abbreviation}`, source: 'cow-abbreviation' });
    }
    if (!NATION_CODE.test(code) || byCode.has(code)) {
      issues.error(statesFile, draft.line, 'stateabb', `no unique nation code can be made for COW ${ccode} (${code})`);
      continue;
    }
    // The region: the crosswalk's row for this COW code, else its row for the same Gleditsch-Ward code
    // (COW 260, the German Federal Republic, is GW 260 there), else that of the state REGION_FROM names.
    const fallback = REGION_FROM.get(ccode);
    const region = entry?.region ?? crosswalk.byGwn.get(ccode)?.region ?? (fallback === undefined ? undefined : crosswalk.byCown.get(fallback)?.region) ?? null;
    if (!region) issues.notice('no-region', statesFile, draft.line, 'ccode', `the crosswalk gives no region for COW ${ccode} (${draft.cowName})`);
    const name = CODE_OVERRIDES.get(ccode)?.name ?? draft.cowName;
    // Names only from the row of this very COW code: the Gleditsch-Ward row that gives COW 260 its region is
    // unified Germany's.
    const aliases = [...new Set([draft.cowName, ...(entry?.names ?? [])])].filter((alias) => alias !== name);
    const state: State = {
      ccode,
      abbreviation: draft.abbreviation,
      cowName: draft.cowName,
      name,
      aliases,
      code,
      codeSource: source,
      region,
      spells: draft.spells.sort((a, b) => a.from.localeCompare(b.from)),
      line: draft.line,
    };
    byCcode.set(ccode, state);
    byCode.set(code, state);
  }
  return { byCcode, rows: table.rows.length };
}

function cowDate(r: RowReader, yearColumn: string, monthColumn: string, dayColumn: string): string | undefined {
  const year = r.int(yearColumn, { min: 1000, max: 9999 });
  const month = r.int(monthColumn, { min: 1, max: 12 });
  const day = r.int(dayColumn, { min: 1, max: 31 });
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parsePartialDate(text) ? text : r.error(dayColumn, `${text} is not a real date`);
}
