/**
 * One spell per stretch in office. Wikidata often states a term twice (Kim Jong-un's start as head of state
 * is both 2011-12-17 and 2011-12-30): spells of the same person, office and nation whose dates overlap or are
 * identical become one, from the earliest known start to the latest known end. It stays open when a spell
 * without an end starts on or after every end the others give: Wikidata splits a term at a new cabinet
 * (Shigeru Ishiba: 2024-10-01 to 2024-11-11, then from 2024-11-11 with no end), and the open spell goes on
 * past them. An open spell that starts earlier is the same term stated without its end. A spell with no dates
 * at all adds nothing to a dated one and is dropped beside it.
 */
import { firstDay } from '../../model/dates.ts';
import { endBound } from '../../model/periods.ts';
import type { IssueLog } from '../engine/issues.ts';
import type { SpellRow } from './read.ts';

/** One tenure: a spell row's facts without the person's name, from the rows merged into it. */
export type Tenure = Omit<SpellRow, 'person' | 'line'> & {
  /** The lines of the rows merged into this tenure, first one first. */
  readonly lines: readonly number[];
  /** No end is known, yet the tenure is over: the list of current holders lacks it (current.ts). */
  readonly endUnknown?: boolean;
};

export function dedupeSpells(file: string, spells: readonly SpellRow[], issues: IssueLog): Tenure[] {
  const groups = new Map<string, SpellRow[]>();
  for (const s of spells) {
    const key = `${s.qid}|${s.office}|${s.nation}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const tenures: Tenure[] = [];
  for (const group of groups.values()) {
    const dated = group.filter((s) => s.from !== undefined || s.to !== undefined);
    const undated = group.filter((s) => s.from === undefined && s.to === undefined);
    const merged: SpellRow[][] = [];
    // Sorted by start (unknown first, as it may reach back any distance), overlapping spells chain together.
    const sorted = [...dated].sort((a, b) => start(a).localeCompare(start(b)) || a.line - b.line);
    let current: SpellRow[] = [];
    let reach = '';
    for (const s of sorted) {
      const previous = current[current.length - 1];
      if (previous && (start(s) < reach || start(s) === start(previous))) {
        current.push(s);
      } else {
        if (current.length > 0) merged.push(current);
        current = [s];
        reach = '';
      }
      const end = until(s);
      if (end > reach) reach = end;
    }
    if (current.length > 0) merged.push(current);
    if (merged.length === 0 && undated.length > 0) merged.push([undated[0]!]);
    const droppedUndated = merged.length > 0 && dated.length > 0 ? undated : undated.slice(1);
    for (const s of droppedUndated) {
      issues.notice('duplicate-spell', file, s.line, 'start', `an undated spell of ${s.person} as ${s.office} of ${s.nation}, already held with dates; dropped`);
    }
    for (const spells of merged) tenures.push(mergeSpells(file, spells, issues));
  }
  return tenures;
}

/** Spells with an unknown start sort first; an unknown end reaches to the end of time. */
function start(s: SpellRow): string {
  return s.from ? firstDay(s.from) : '0000-00-00';
}

/** Wikidata's end day is the first day out of office (a successor starts on it): consecutive terms touch. */
function until(s: SpellRow): string {
  return endBound(s.to, 'exclusive') ?? '9999-99-99';
}

function mergeSpells(file: string, spells: readonly SpellRow[], issues: IssueLog): Tenure {
  const [first, ...rest] = [...spells].sort((a, b) => a.line - b.line);
  for (const s of rest) {
    issues.notice('duplicate-spell', file, s.line, 'start',
      `${s.person} as ${s.office} of ${s.nation} (${s.from ?? '?'} to ${s.to ?? 'open'}) overlaps line ${first!.line} (${first!.from ?? '?'} to ${first!.to ?? 'open'}); merged into one tenure`);
  }
  const froms = spells.map((s) => s.from).filter((d): d is string => d !== undefined);
  const tos = spells.map((s) => s.to).filter((d): d is string => d !== undefined);
  const from = froms.sort((a, b) => firstDay(a).localeCompare(firstDay(b)) || a.length - b.length)[0];
  const latestEnd = tos.sort((a, b) => endBound(b, 'exclusive')!.localeCompare(endBound(a, 'exclusive')!) || b.length - a.length)[0];
  const goesOn = latestEnd !== undefined && spells.some((s) => s.to === undefined && start(s) >= endBound(latestEnd, 'exclusive')!);
  const to = goesOn ? undefined : latestEnd;
  const withParty = spells.find((s) => s.party);
  // Why the tenure ended: only a spell that ends with it can say (an earlier spell's cause ended a term within).
  const last = to === undefined ? undefined : spells.find((s) => s.to === to && s.endCause);
  return {
    qid: first!.qid,
    office: first!.office,
    nation: first!.nation,
    from,
    to,
    party: withParty?.party,
    endCause: last?.endCause,
    lines: [first!.line, ...rest.map((s) => s.line)],
  };
}
