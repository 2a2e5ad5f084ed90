/**
 * ATOP dates come as year, month and day columns. A missing day or month (empty, 0 or -9) leaves the date
 * at the precision ATOP knows: "1844-06" or "1844", never a made-up first of the month.
 */
import { parsePartialDate } from '../../model/dates.ts';
import type { RowReader } from '../engine/fields.ts';

const MISSING = new Set(['', '0', '-9']);

/**
 * The date the three columns give, as text at its precision; undefined (and an error on the row) when it is
 * not a date. With `open`, a year of 0 means "no date" (still in force at the end of the data) and gives null.
 */
export function atopDate(r: RowReader, columns: readonly [string, string, string], options: { open?: boolean } = {}): string | null | undefined {
  const [yearColumn, monthColumn, dayColumn] = columns;
  const [year, month, day] = columns.map((c) => r.text(c)) as [string, string, string];
  if (options.open && year === '0') {
    if (!MISSING.has(month) || !MISSING.has(day)) return r.error(yearColumn, `is 0 (still in force) but ${monthColumn}/${dayColumn} give ${month}/${day}`);
    return null;
  }
  if (!/^\d{4}$/.test(year)) return r.error(yearColumn, year === '' ? 'is empty; a four-digit year is required' : `"${year}" is not a four-digit year`);
  if (MISSING.has(month)) {
    if (!MISSING.has(day)) return r.error(dayColumn, `gives day ${day} but ${monthColumn} is missing`);
    return year;
  }
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return r.error(monthColumn, `"${month}" is not a month (1-12, or 0 when unknown)`);
  const yearMonth = `${year}-${month.padStart(2, '0')}`;
  if (MISSING.has(day)) return yearMonth;
  if (!/^\d{1,2}$/.test(day)) return r.error(dayColumn, `"${day}" is not a day of the month`);
  const text = `${yearMonth}-${day.padStart(2, '0')}`;
  return parsePartialDate(text) ? text : r.error(dayColumn, `${text} is not a real date`);
}
