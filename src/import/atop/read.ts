/**
 * Reads ATOP 5.1: the alliance-level file (one row per alliance: dates, COW ids, phases) and the member-level
 * file (one row per member per phase: entry and exit dates, obligations and their conditions). The member file
 * is authoritative for who belonged when, as ATOP's own state-year data are built from it.
 */
import { join } from 'node:path';
import { mayPrecede } from '../../model/dates.ts';
import type { Obligation } from '../../seeds/schema.ts';
import { readCsv } from '../engine/csv.ts';
import { RowReader } from '../engine/fields.ts';
import type { IssueLog } from '../engine/issues.ts';
import type { State } from '../states/read.ts';
import { CONDITION_COLUMNS, OBLIGATION_CODINGS, OBLIGATION_COLUMNS, OTHER_CONDITION, conditionLabel } from './coding.ts';
import { atopDate } from './dates.ts';

export const ALLIANCE_FILE = 'atop5_1a.csv';
export const MEMBER_FILE = 'atop5_1m.csv';

export interface Alliance {
  readonly atopId: number;
  readonly cow4Id: number | null;
  /** Signature, at its precision. */
  readonly begin: string;
  /** The last day of the alliance, at its precision; null when in force at the end of 2018. */
  readonly end: string | null;
  /** 0 when the coding never changed, else the number of phases. */
  readonly maxPhase: number;
  /** mem1, mem2, ... (COW codes), for a cross-check with the member file. */
  readonly listed: readonly number[];
  /** The obligations the alliance file codes (defense, offense, neutral, nonagg, consul). */
  readonly obligations: readonly Obligation[];
  readonly line: number;
}

export interface Member {
  readonly atopId: number;
  readonly state: State;
  readonly phase: number;
  /** Signature (entry) and last day (exit) at their precision; exit null when still a member in 2018. */
  readonly entry: string;
  readonly exit: string | null;
  readonly obligations: readonly Obligation[];
  /** Every condition coded on this row, e.g. "DEFENSE conditional on ... (DEFCOADV)". */
  readonly conditions: readonly string[];
  /** Condition variables per obligation, for the treaty's provisions. */
  readonly conditionVariables: ReadonlyMap<Obligation, readonly string[]>;
  readonly otherCondition: boolean;
  readonly line: number;
}

export interface AtopData {
  readonly alliances: ReadonlyMap<number, Alliance>;
  readonly members: readonly Member[];
  readonly allianceFile: string;
  readonly memberFile: string;
  readonly allianceRows: number;
  readonly memberRows: number;
}

const ALLIANCE_COLUMNS = ['atopid', 'cow4id', 'begyr', 'begmo', 'begday', 'endyr', 'endmo', 'endday', 'maxphase', ...OBLIGATION_COLUMNS];
const MEMBER_COLUMNS = ['atopid', 'member', 'yrent', 'moent', 'dayent', 'yrexit', 'moexit', 'dayexit', 'phase', ...OBLIGATION_COLUMNS, ...CONDITION_COLUMNS];

export function readAtop(dir: string, states: ReadonlyMap<number, State>, issues: IssueLog): AtopData {
  const allianceFile = join(dir, ALLIANCE_FILE);
  const memberFile = join(dir, MEMBER_FILE);
  const hint = 'pass the ATOP 5.1 folder with --dir';
  const allianceTable = readCsv(allianceFile, ALLIANCE_COLUMNS, issues, hint);
  const memberTable = readCsv(memberFile, MEMBER_COLUMNS, issues, hint);

  const alliances = new Map<number, Alliance>();
  const skipped = new Map<number, number>();
  for (const row of allianceTable.rows) {
    const r = new RowReader(allianceFile, row, issues);
    const atopId = r.int('atopid', { min: 1 });
    const cow4Id = r.int('cow4id', { optional: true, min: 1 }) ?? null;
    const begin = atopDate(r, ['begyr', 'begmo', 'begday']);
    const end = atopDate(r, ['endyr', 'endmo', 'endday'], { open: true });
    const maxPhase = r.int('maxphase', { min: 0 });
    if (begin && end && !mayPrecede(begin, end)) r.error('endyr', `the alliance ends (${end}) before it begins (${begin})`);
    if (atopId !== undefined && alliances.has(atopId)) r.error('atopid', `${atopId} already appears on line ${alliances.get(atopId)!.line}`);
    const listed = allianceTable.header
      .filter((c) => /^mem\d+$/.test(c) && r.text(c) !== '')
      .map((c) => Number(r.text(c)));
    const obligations = OBLIGATION_CODINGS.filter((c) => r.flag(c.variable)).map((c) => c.obligation);
    if (issues.hasError(allianceFile, row.line) || atopId === undefined || !begin || end === undefined || maxPhase === undefined) {
      if (atopId !== undefined && !alliances.has(atopId)) skipped.set(atopId, row.line);
      continue;
    }
    alliances.set(atopId, { atopId, cow4Id, begin, end, maxPhase, listed, obligations, line: row.line });
  }

  const members: Member[] = [];
  for (const row of memberTable.rows) {
    const r = new RowReader(memberFile, row, issues);
    const atopId = r.int('atopid', { min: 1 });
    const ccode = r.int('member', { min: 1 });
    const state = ccode === undefined ? undefined : states.get(ccode);
    if (ccode !== undefined && !state) r.error('member', `${ccode} is not a state code in the Correlates of War state list (states2016.csv)`);
    const alliance = atopId === undefined ? undefined : alliances.get(atopId);
    if (atopId !== undefined && !alliance) {
      if (skipped.has(atopId)) r.notice('member-of-skipped-alliance', 'atopid', `alliance ${atopId} was skipped (${ALLIANCE_FILE}:${skipped.get(atopId)}), so is this member`);
      else r.error('atopid', `${atopId} is not an alliance in ${ALLIANCE_FILE}`);
    }
    const phase = r.int('phase', { min: 0 });
    const entry = atopDate(r, ['yrent', 'moent', 'dayent']);
    const exit = atopDate(r, ['yrexit', 'moexit', 'dayexit'], { open: true });
    if (entry && exit && !mayPrecede(entry, exit)) r.error('yrexit', `the member leaves (${exit}) before it joins (${entry})`);
    if (alliance && entry && !mayPrecede(alliance.begin, entry)) r.error('yrent', `the member joins (${entry}) before the alliance begins (${alliance.begin}, ${ALLIANCE_FILE}:${alliance.line})`);
    if (alliance && exit !== undefined && alliance.end !== null && (exit === null || !mayPrecede(exit, alliance.end))) {
      r.error('yrexit', `the member leaves (${exit ?? 'never: still a member in 2018'}) after the alliance ends (${alliance.end}, ${ALLIANCE_FILE}:${alliance.line})`);
    }
    const obligations: Obligation[] = [];
    const conditions: string[] = [];
    const conditionVariables = new Map<Obligation, string[]>();
    for (const coding of OBLIGATION_CODINGS) {
      const coded = r.flag(coding.variable);
      const variables = coding.conditions.filter((c) => r.flag(c.variable, { emptyIsZero: true }));
      if (!coded) continue;
      obligations.push(coding.obligation);
      conditionVariables.set(coding.obligation, variables.map((c) => c.variable));
      conditions.push(...variables.map((c) => conditionLabel(coding, c)));
    }
    const otherCondition = r.flag(OTHER_CONDITION.variable, { emptyIsZero: true }) === true;
    if (otherCondition) conditions.push(`an obligation conditional on ${OTHER_CONDITION.words} (OLIMOB)`);
    if (issues.hasError(memberFile, row.line) || !alliance || !state || phase === undefined || !entry || exit === undefined) continue;
    members.push({ atopId: alliance.atopId, state, phase, entry, exit, obligations, conditions, conditionVariables, otherCondition, line: row.line });
  }

  // The alliance file lists members too (mem1, mem2, ...); say where it disagrees with the member file.
  const byAlliance = new Map<number, Set<number>>();
  const carried = new Map<number, Set<Obligation>>();
  for (const m of members) {
    byAlliance.set(m.atopId, (byAlliance.get(m.atopId) ?? new Set()).add(m.state.ccode));
    for (const o of m.obligations) carried.set(m.atopId, (carried.get(m.atopId) ?? new Set()).add(o));
  }
  for (const alliance of alliances.values()) {
    const inMembers = byAlliance.get(alliance.atopId) ?? new Set<number>();
    const onlyListed = alliance.listed.filter((c) => !inMembers.has(c) && states.has(c));
    if (onlyListed.length > 0) {
      issues.notice('member-lists-differ', allianceFile, alliance.line, 'mem1',
        `lists ${onlyListed.join(', ')}, which ${MEMBER_FILE} does not: the member file is followed`);
    }
    // An obligation the alliance file codes that no imported member carries: its members were left out.
    for (const coding of OBLIGATION_CODINGS) {
      if (alliance.obligations.includes(coding.obligation) && !carried.get(alliance.atopId)?.has(coding.obligation)) {
        issues.notice('obligation-without-member', allianceFile, alliance.line, coding.variable,
          `codes ${coding.variable.toUpperCase()} for alliance ${alliance.atopId}, but no member row imported carries it (the rows that do were left out): the treaty keeps the obligation, bound to no member`);
      }
    }
    const unlisted = [...inMembers].filter((c) => !alliance.listed.includes(c));
    if (unlisted.length > 0) {
      issues.notice('member-lists-differ', allianceFile, alliance.line, 'mem1',
        `does not list ${unlisted.join(', ')}, which ${MEMBER_FILE} does: the member file is followed`);
    }
    if (inMembers.size === 0) issues.notice('alliance-without-members', allianceFile, alliance.line, 'atopid', `alliance ${alliance.atopId} has no member rows left`);
  }
  return { alliances, members, allianceFile, memberFile, allianceRows: allianceTable.rows.length, memberRows: memberTable.rows.length };
}
