/** Partial dates: which texts are dates, and the days they stand for, leap years included. */
import { describe, expect, it } from 'vitest';
import { dayAfter, daysInMonth, firstDay, lastDay, parsePartialDate } from '../../src/model/dates.ts';

describe('partial dates', () => {
  it('know the Gregorian leap years', () => {
    expect([1900, 1961, 2000, 2023, 2024, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 28, 29, 28, 29, 28]);
    expect([1, 3, 4, 6, 9, 11, 12].map((m) => daysInMonth(1961, m))).toEqual([31, 31, 30, 30, 30, 30, 31]);
  });

  it('accept a year, a month or a real day, and nothing else', () => {
    expect(parsePartialDate('1961')).toEqual({ year: 1961, precision: 'year' });
    expect(parsePartialDate('1961-07')).toEqual({ year: 1961, month: 7, precision: 'month' });
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29, precision: 'day' });
    for (const bad of ['2023-02-29', '1900-02-29', '1961-13', '1961-04-31', '1961-00-10', '61', '1961-7-6', '1961-07-06T00:00', '']) {
      expect(parsePartialDate(bad), bad).toBeUndefined();
    }
  });

  it('stand for their first and last days', () => {
    expect([firstDay('1961'), lastDay('1961'), dayAfter('1961')]).toEqual(['1961-01-01', '1961-12-31', '1962-01-01']);
    expect([lastDay('2000-02'), lastDay('1900-02'), dayAfter('2024-02')]).toEqual(['2000-02-29', '1900-02-28', '2024-03-01']);
    expect(dayAfter('2024-12-31')).toBe('2025-01-01');
  });
});
