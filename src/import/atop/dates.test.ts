import { describe, expect, it } from 'vitest';
import { RowReader } from '../engine/fields.ts';
import { IssueLog } from '../engine/issues.ts';
import { atopDate } from './dates.ts';

const read = (values: Record<string, string>, open = false) => {
  const issues = new IssueLog();
  const r = new RowReader('atop5_1m.csv', { line: 7, values }, issues);
  const date = atopDate(r, ['yr', 'mo', 'day'], { open });
  return { date, errors: issues.errors.map((i) => `${i.row}: ${i.column}: ${i.message}`) };
};

describe('atopDate', () => {
  it('keeps the precision ATOP knows: a missing day (empty, 0 or -9) gives a month, a missing month a year', () => {
    expect(read({ yr: '1815', mo: '1', day: '3' }).date).toBe('1815-01-03');
    expect(read({ yr: '1844', mo: '6', day: '' }).date).toBe('1844-06');
    expect(read({ yr: '1844', mo: '6', day: '0' }).date).toBe('1844-06');
    expect(read({ yr: '1844', mo: '6', day: '-9' }).date).toBe('1844-06');
    expect(read({ yr: '1844', mo: '-9', day: '-9' }).date).toBe('1844');
    expect(read({ yr: '1844', mo: '0', day: '' }).date).toBe('1844');
  });

  it('reads a year of 0 as still in force, where an end may be open', () => {
    expect(read({ yr: '0', mo: '0', day: '0' }, true)).toEqual({ date: null, errors: [] });
    expect(read({ yr: '0', mo: '0', day: '0' }).errors).toEqual(['7: yr: "0" is not a four-digit year']);
    expect(read({ yr: '0', mo: '5', day: '0' }, true).errors).toEqual(['7: yr: is 0 (still in force) but mo/day give 5/0']);
  });

  it('reports what is not a date, against its column', () => {
    expect(read({ yr: '1900', mo: '13', day: '1' }).errors).toEqual(['7: mo: "13" is not a month (1-12, or 0 when unknown)']);
    expect(read({ yr: '1900', mo: '2', day: '29' }).errors).toEqual(['7: day: 1900-02-29 is not a real date']);
    expect(read({ yr: '1904', mo: '2', day: '29' }).date).toBe('1904-02-29');
    expect(read({ yr: '1900', mo: '0', day: '12' }).errors).toEqual(['7: day: gives day 12 but mo is missing']);
    expect(read({ yr: '', mo: '1', day: '1' }).errors).toEqual(['7: yr: is empty; a four-digit year is required']);
  });
});
