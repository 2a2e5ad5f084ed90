/**
 * Everything a person can choose on the page, and its URL form: a link to the page restores the date, the
 * filters, the view and the selection. Defaults are left out of the URL so links stay short.
 */
import { OBLIGATIONS, type Obligation, type SourceScope } from '../../src/export/network.ts';
import { todayIso, validDay } from './dates.ts';

export type View = 'network' | 'map';

export interface AppState {
  date: string;
  /** The obligations shown; all of them by default. */
  obligations: Obligation[];
  sources: SourceScope;
  region: string | null;
  view: View;
  /** The selected nation (its panel is open, its allies highlighted). */
  nation: string | null;
  /** An open treaty, leader or organization panel, which takes the panel over the nation's. */
  treaty: string | null;
  leader: string | null;
  organization: string | null;
  pathFrom: string | null;
  pathTo: string | null;
}

export function defaultState(today: string = todayIso()): AppState {
  return {
    date: today,
    obligations: [...OBLIGATIONS],
    sources: 'all',
    region: null,
    view: 'network',
    nation: null,
    treaty: null,
    leader: null,
    organization: null,
    pathFrom: null,
    pathTo: null,
  };
}

const CODE = /^[A-Za-z0-9]{2,6}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

function code(value: string | null): string | null {
  return value && CODE.test(value) ? value.toUpperCase() : null;
}
function id(value: string | null): string | null {
  return value && ID.test(value) ? value : null;
}

/** Reads a query string ("?date=2024-12-04&ob=DEFENSE"); anything unreadable falls back to its default. */
export function decodeState(search: string, today: string = todayIso()): AppState {
  const params = new URLSearchParams(search);
  const state = defaultState(today);
  state.date = validDay(params.get('date'), today) ?? today;
  const ob = params.get('ob');
  if (ob !== null) {
    const wanted = ob.split(',').filter((o): o is Obligation => (OBLIGATIONS as readonly string[]).includes(o));
    state.obligations = OBLIGATIONS.filter((o) => wanted.includes(o));
  }
  if (params.get('src') === 'seeds') state.sources = 'seeds';
  const region = params.get('region');
  state.region = region && region.length <= 100 ? region : null;
  if (params.get('view') === 'map') state.view = 'map';
  state.nation = code(params.get('nation'));
  state.treaty = id(params.get('treaty'));
  state.leader = id(params.get('leader'));
  state.organization = id(params.get('org'));
  state.pathFrom = code(params.get('from'));
  state.pathTo = code(params.get('to'));
  return state;
}

/** The query string for a state, with a leading "?" (or "" when everything is default). */
export function encodeState(state: AppState, today: string = todayIso()): string {
  const params = new URLSearchParams();
  if (state.date !== today) params.set('date', state.date);
  if (state.obligations.length !== OBLIGATIONS.length) params.set('ob', OBLIGATIONS.filter((o) => state.obligations.includes(o)).join(','));
  if (state.sources !== 'all') params.set('src', state.sources);
  if (state.region) params.set('region', state.region);
  if (state.view !== 'network') params.set('view', state.view);
  if (state.nation) params.set('nation', state.nation);
  if (state.treaty) params.set('treaty', state.treaty);
  if (state.leader) params.set('leader', state.leader);
  if (state.organization) params.set('org', state.organization);
  if (state.pathFrom) params.set('from', state.pathFrom);
  if (state.pathTo) params.set('to', state.pathTo);
  const text = params.toString();
  return text ? `?${text}` : '';
}
