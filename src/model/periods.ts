/**
 * The Neo4j date bounds that period questions use, computed here and nowhere else (see docs/graph-model.md).
 *
 * `fromDate` is the first day a start can stand for. `untilDate` is an exclusive end: the first day on which
 * the thing is certainly over, or null when it is open. Something is in force on D when
 * `fromDate <= D < untilDate`.
 *
 * How an end date given to the day is read depends on its source, and is decided once per source:
 * - `exclusive` (the seeds): "terminated on 2024-12-04" names the first day without the treaty, so the
 *   2000 Russia–DPRK treaty is not in force on 4 December 2024, the day the 2024 treaty replaced it;
 * - `inclusive` (ATOP, COW, and the seeds' nation periods and names, which are COW spells): an exit date is
 *   the last day of membership; ATOP counts a member in its exit year, COW a state on its last day.
 * An end known only to the month or year covers that whole month or year either way.
 */
import { addDays, dayAfter, firstDay, parsePartialDate } from './dates.ts';

export type EndConvention = 'exclusive' | 'inclusive';

export function startBound(text: string | null | undefined): string | null {
  return text ? firstDay(text) : null;
}

export function endBound(text: string | null | undefined, convention: EndConvention): string | null {
  if (!text) return null;
  const date = parsePartialDate(text);
  if (!date) throw new Error(`not a date at a known precision: ${JSON.stringify(text)}`);
  if (date.precision !== 'day') return dayAfter(text);
  return convention === 'inclusive' ? addDays(text, 1) : text;
}

/** The earlier of two exclusive ends; null (open) only when both are open. */
export function earlierEnd(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
