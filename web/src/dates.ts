/** The slider's scale: whole days from 1 January 1815 (the start of the ATOP data) to today. */
import { endBound, startBound } from '../../src/model/periods.ts';

export const FIRST_DAY = '1815-01-01';
const FIRST_MS = Date.UTC(1815, 0, 1);
const DAY_MS = 86_400_000;

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function dayIndex(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y ?? 1815, (m ?? 1) - 1, d ?? 1) - FIRST_MS) / DAY_MS);
}

export function dayFromIndex(index: number): string {
  return new Date(FIRST_MS + index * DAY_MS).toISOString().slice(0, 10);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A full day within the slider's range, or undefined. */
export function validDay(text: string | null | undefined, last: string = todayIso()): string | undefined {
  if (!text || !ISO_DAY.test(text)) return undefined;
  const normalized = dayFromIndex(dayIndex(text));
  if (normalized !== text) return undefined;
  return text >= FIRST_DAY && text <= last ? text : undefined;
}

/** "2024-12-04" → "4 December 2024"; a partial date keeps its precision ("1961-07" → "July 1961"). */
export function formatDate(text: string | null | undefined): string {
  if (!text) return '';
  const [y, m, d] = text.split('-');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const month = m ? months[Number(m) - 1] : undefined;
  if (!month) return y ?? text;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A nation's period as the API gives it: dates at their precision, `to` its last day (COW's convention). */
export interface Period { from: string | null; to: string | null }

/** Whether one of the periods covers the day, by the bounds the graph itself uses (src/model/periods.ts). */
export function covers(periods: readonly Period[], day: string): boolean {
  return periods.some((p) => {
    const [from, until] = [startBound(p.from), endBound(p.to, 'inclusive')];
    return (from === null || from <= day) && (until === null || day < until);
  });
}
