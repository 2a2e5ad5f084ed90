import { describe, expect, it } from 'vitest';
import { OBLIGATIONS } from '../../src/export/network.ts';
import { covers, dayFromIndex, dayIndex, formatDate, validDay } from '../../web/src/dates.ts';
import { decodeState, defaultState, encodeState } from '../../web/src/state.ts';

const TODAY = '2025-06-30';

describe('the URL codec', () => {
  it('leaves defaults out of the URL', () => {
    expect(encodeState(defaultState(TODAY), TODAY)).toBe('');
    expect(decodeState('', TODAY)).toEqual(defaultState(TODAY));
  });

  it('round-trips date, filters, view, selection and path', () => {
    const state = {
      ...defaultState(TODAY),
      date: '2024-12-04',
      obligations: ['DEFENSE', 'CONSULTATION'] as const satisfies readonly (typeof OBLIGATIONS)[number][],
      sources: 'seeds' as const,
      region: 'East Asia & Pacific',
      view: 'map' as const,
      nation: 'PRK',
      treaty: 'russia-dprk-2024',
      pathFrom: 'CHN',
      pathTo: 'RUS',
    };
    const search = encodeState({ ...state, obligations: [...state.obligations] }, TODAY);
    expect(search).toBe('?date=2024-12-04&ob=DEFENSE%2CCONSULTATION&src=seeds&region=East+Asia+%26+Pacific&view=map&nation=PRK&treaty=russia-dprk-2024&from=CHN&to=RUS');
    expect(decodeState(search, TODAY)).toEqual({ ...state, obligations: ['DEFENSE', 'CONSULTATION'] });
  });

  it('keeps obligations in canonical order and allows none', () => {
    expect(decodeState('?ob=OTHER,DEFENSE', TODAY).obligations).toEqual(['DEFENSE', 'OTHER']);
    expect(decodeState('?ob=', TODAY).obligations).toEqual([]);
    expect(encodeState({ ...defaultState(TODAY), obligations: [] }, TODAY)).toBe('?ob=');
  });

  it('falls back to defaults for anything unreadable', () => {
    const state = decodeState('?date=2024-02-30&ob=BOGUS&src=x&view=globe&nation=<script>&from=toolongcode', TODAY);
    expect(state.date).toBe(TODAY);
    expect(state.obligations).toEqual([]);
    expect(state.sources).toBe('all');
    expect(state.view).toBe('network');
    expect(state.nation).toBeNull();
    expect(state.pathFrom).toBeNull();
    expect(decodeState('?date=1700-01-01', TODAY).date).toBe(TODAY);
    expect(decodeState('?date=2030-01-01', TODAY).date).toBe(TODAY);
  });
});

describe('the slider scale', () => {
  it('counts whole days from 1 January 1815', () => {
    expect(dayIndex('1815-01-01')).toBe(0);
    expect(dayFromIndex(dayIndex('2024-12-04'))).toBe('2024-12-04');
    expect(dayIndex('2024-12-05') - dayIndex('2024-12-04')).toBe(1);
    expect(dayFromIndex(dayIndex('2000-02-29') + 1)).toBe('2000-03-01');
  });

  it('accepts real days in range only', () => {
    expect(validDay('2024-12-04', TODAY)).toBe('2024-12-04');
    expect(validDay('2023-02-29', TODAY)).toBeUndefined();
    expect(validDay('1814-12-31', TODAY)).toBeUndefined();
    expect(validDay('2024-12', TODAY)).toBeUndefined();
  });

  it('formats dates at their precision', () => {
    expect(formatDate('2024-12-04')).toBe('4 December 2024');
    expect(formatDate('1961-07')).toBe('July 1961');
    expect(formatDate('1961')).toBe('1961');
    expect(formatDate(null)).toBe('');
  });
});

describe("the map's periods", () => {
  it('cover their first and last day, at any precision, and not the day after', () => {
    const germany = [{ from: '1816-01-01', to: '1945-05-08' }, { from: '1990-10-03', to: null }];
    expect(['1816-01-01', '1945-05-08', '1945-05-09', '1990-10-02', '1990-10-03', '2025-01-01'].map((d) => covers(germany, d)))
      .toEqual([true, true, false, false, true, true]);
    const ussr = [{ from: '1922-12-30', to: '1991-12' }];
    expect(['1922-12-29', '1991-12-31', '1992-01-01'].map((d) => covers(ussr, d))).toEqual([false, true, false]);
  });
});
