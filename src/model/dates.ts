/**
 * Dates at their known precision.
 *
 * A fact known only to the year ("1961") or the month ("1961-07") keeps that precision everywhere it is
 * stored or served; it never silently becomes the 1st of January. For questions about periods ("was this
 * treaty in force on D?") a partial date stands for the whole span it names: a treaty that entered into
 * force in "1961" is taken to be in force on every day of 1961, and one that ended in "1995" on every day of
 * 1995. That is how the research data sets count (ATOP counts a member in every year its membership touches).
 */

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns undefined when the text is not a real date. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}

/** Like parsePartialDate, for text already validated; throws on a bad value (a programming error). */
export function partial(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`not a date at a known precision: ${JSON.stringify(text)}`);
  return parsed;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian (proleptic) month lengths; arithmetic, as the API checks every date it serves. */
export function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : MONTH_DAYS[month - 1]!;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first day the date can stand for: "1961" → "1961-01-01". */
export function firstDay(text: string): string {
  const d = partial(text);
  return iso(d.year, d.month ?? 1, d.day ?? 1);
}

/** The last day the date can stand for: "1961-02" → "1961-02-28". */
export function lastDay(text: string): string {
  const d = partial(text);
  const month = d.month ?? 12;
  return iso(d.year, month, d.day ?? daysInMonth(d.year, month));
}

/** The day after the last day the date can stand for: an exclusive end. "1995" → "1996-01-01". */
export function dayAfter(text: string): string {
  return addDays(lastDay(text), 1);
}

/** Adds whole days to a full "YYYY-MM-DD" date. */
export function addDays(day: string, days: number): string {
  const d = partial(day);
  const t = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  t.setUTCDate(t.getUTCDate() + days);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Today in UTC, as "YYYY-MM-DD". */
export function today(now: Date = new Date()): string {
  return iso(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/**
 * Whether `a` can be on or before `b`, given their precision: "2024" is not after "2024-06-19".
 * Used for order checks (signed ≤ in force ≤ terminated), which must not reject what may be true.
 */
export function mayPrecede(a: string, b: string): boolean {
  return firstDay(a) <= lastDay(b);
}

