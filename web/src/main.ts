/**
 * The alliance dashboard. One state (see state.ts) drives everything; the URL mirrors it. The network at a
 * date comes from one `allianceNetwork` query, cached per date in a worker (network-worker.ts) that also
 * filters it and lays it out, so dragging the slider never queues more than one request nor blocks the page.
 */
import './styles.css';
import { networkCounts, summarizeBlocs, type NetworkGraph } from '../../src/export/graph.ts';
import { exportFileName, EXPORT_MIME, writeNetwork, type ExportFormat } from '../../src/export/index.ts';
import {
  networkQuery, OBLIGATIONS, regionsOf, type NetworkFilters, type Obligation,
} from '../../src/export/network.ts';
import { OBLIGATION_COLORS, OBLIGATION_LABELS } from '../../src/export/palette.ts';
import { graphqlClient, post, type RawAnswer } from './api.ts';
import { dayFromIndex, dayIndex, FIRST_DAY, formatDate, todayIso, validDay, type Period } from './dates.ts';
import { byId, h } from './dom.ts';
import type { MapView } from './map-view.ts';
import { UndirectedGraph } from 'graphology';
import type { NationListing, WorkerRequest, WorkerResponse } from './network-protocol.ts';
import { NetworkView } from './network-view.ts';
import { errorPanel, leaderPanel, loadingPanel, nationPanel, organizationPanel, treatyPanel, type PanelLinks } from './panels.ts';
import {
  LEADER_QUERY, NATION_LIST_QUERY, NATION_QUERY, ORGANIZATION_QUERY, PATH_QUERY, SEARCH_QUERY, TREATY_QUERY,
  type LeaderResult, type NationListResult, type NationResult, type OrganizationResult, type PathResult, type SearchResult, type TreatyResult,
} from './queries.ts';
import { decodeState, encodeState, type AppState } from './state.ts';

interface Metrics {
  /** From navigation start to the first drawn network, in ms. */
  firstRenderMs: number | null;
  /** Where the first render's time went: ms since navigation start at each step. */
  phases: Record<string, number>;
  /** The part of the first render spent waiting for the API's answer. */
  firstFetchMs: number | null;
  /**
   * Each redraw after a date change: the whole wait from the slider's move to the drawn frame, the worker's
   * fetch and compute (off the main thread), and the main thread's share before the frame.
   */
  redraws: { date: string; totalMs: number; fetchMs: number; computeMs: number; mainMs: number; nodes: number; edges: number }[];
}

const gql = graphqlClient('/graphql');
const today = todayIso();
let state: AppState = decodeState(location.search, today);

// Started first: the worker loads, and the first question is asked, while the page sets itself up.
const worker = new Worker(new URL('./network-worker.ts', import.meta.url), { type: 'module' });

/**
 * The first picture's question, asked by the page at once, while the worker is still loading; the answer's
 * bytes are handed over to the worker unparsed. Seeds only needs the server's capabilities first, so it waits.
 */
const prefetchStarted = performance.now();
const prefetch: { asOf: string; answer: Promise<RawAnswer | null>; ms?: number } | null = state.sources === 'all'
  ? {
    asOf: state.date,
    answer: post('/graphql', networkQuery({ sourceArg: null }, 'all'), { asOf: state.date })
      .then(async (r) => {
        const answer = { status: r.status, statusText: r.statusText, body: await r.arrayBuffer() };
        if (prefetch) prefetch.ms = performance.now() - prefetchStarted;
        return answer;
      })
      .catch(() => null),
  }
  : null;

let graph: NetworkGraph | null = null;
let loading = false;
/** When each date was asked for, to measure how long until it was drawn. */
const requestedAt = new Map<string, number>();
let mapView: MapView | null = null;
const knownNations = new Map<string, string>();
/** The periods each nation existed: empty until the whole list has loaded (the map reads them). */
const nationPeriods = new Map<string, Period[]>();
const metrics: Metrics = { firstRenderMs: null, phases: {}, firstFetchMs: null, redraws: [] };
const phase = (name: string) => { metrics.phases[name] ??= Math.round(performance.now()); };

const slider = byId<HTMLInputElement>('date-slider');
const dateInput = byId<HTMLInputElement>('date-input');
const status = byId('status');
const panel = byId('panel');
const panelBody = byId('panel-body');

const links: PanelLinks = {
  nation: (code) => update({ nation: code, treaty: null, leader: null, organization: null }, 'push'),
  treaty: (id) => update({ treaty: id, leader: null, organization: null }, 'push'),
  leader: (id) => update({ leader: id, treaty: null, organization: null }, 'push'),
  organization: (id) => update({ organization: id, treaty: null, leader: null }, 'push'),
};

const view = new NetworkView(byId('network'), byId('tooltip'), {
  onNation: (code) => links.nation(code),
  onAlliance: (_a, _b, treatyIds) => { if (treatyIds[0]) links.treaty(treatyIds[0]); },
  onBackground: () => { if (state.nation || state.treaty || state.leader || state.organization) update(NO_SELECTION, 'push'); },
});

// ---------------------------------------------------------------- state changes

type Change = Partial<AppState>;

let urlTimer: ReturnType<typeof setTimeout> | undefined;
let pendingUrl = '';

const NO_SELECTION: Change = { nation: null, treaty: null, leader: null, organization: null };

/** Applies a change, mirrors it in the URL and redoes only what depends on what changed. */
function update(change: Change, history: 'push' | 'replace' = 'replace', settle = true): void {
  const before = state;
  state = { ...state, ...change };
  const url = `${location.pathname}${encodeState(state, today)}`;
  if (history === 'push') {
    clearTimeout(urlTimer);
    urlTimer = undefined;
    window.history.pushState(null, '', url);
  } else {
    // Browsers throttle (and complain about) hundreds of URL changes a second while the slider is dragged.
    pendingUrl = url;
    urlTimer ??= setTimeout(() => {
      urlTimer = undefined;
      window.history.replaceState(null, '', pendingUrl);
    }, 150);
  }
  syncControls();
  const dateChanged = before.date !== state.date;
  if (dateChanged) requestedAt.set(state.date, performance.now());
  if (dateChanged || before.sources !== state.sources || before.obligations.join() !== state.obligations.join() || before.region !== state.region) void loadNetwork();
  if (before.nation !== state.nation) {
    view.select(state.nation);
    void refreshMap();
  }
  if (before.view !== state.view) showView();
  const panelChanged = before.nation !== state.nation || before.treaty !== state.treaty || before.leader !== state.leader || before.organization !== state.organization;
  if (panelChanged || (settle && dateChanged)) void refreshPanel();
  const pathChanged = before.pathFrom !== state.pathFrom || before.pathTo !== state.pathTo;
  if (pathChanged) pathChangedSinceFocus = true;
  if (pathChanged || (settle && (dateChanged || before.obligations.join() !== state.obligations.join()))) void refreshPath();
}

function syncControls(): void {
  slider.value = String(dayIndex(state.date));
  dateInput.value = state.date;
  for (const box of document.querySelectorAll<HTMLInputElement>('#obligation-filters input')) box.checked = state.obligations.includes(box.value as Obligation);
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=sources]')) radio.checked = radio.value === state.sources;
  const region = byId<HTMLSelectElement>('region');
  if (state.region && ![...region.options].some((o) => o.value === state.region)) region.append(h('option', { value: state.region }, state.region));
  region.value = state.region ?? '';
  for (const button of document.querySelectorAll<HTMLButtonElement>('#views button')) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
}

// ---------------------------------------------------------------- network

let requestId = 0;
const pending = new Map<number, (response: WorkerResponse) => void>();
worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
  pending.get(event.data.id)?.(event.data);
  pending.delete(event.data.id);
};

async function ask(filters: NetworkFilters): Promise<WorkerResponse> {
  const id = ++requestId;
  let prefetched: RawAnswer | null = null;
  if (requestId === 1 && prefetch && prefetch.asOf === filters.asOf && filters.sources === 'all') prefetched = await prefetch.answer;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const request: WorkerRequest = { kind: 'draw', id, filters, force: graph === null, ...(prefetched ? { prefetched } : {}) };
    worker.postMessage(request, prefetched ? [prefetched.body] : []);
  });
}

function wantedFilters(): NetworkFilters {
  return { asOf: state.date, obligations: state.obligations, sources: state.sources, region: state.region };
}

function filtersKey(f: NetworkFilters): string {
  return `${f.asOf}|${f.obligations.join()}|${f.sources}|${f.region ?? ''}`;
}

let drawnKey = '';

/**
 * Brings the drawing up to the state: one request at a time, and when the slider has moved on meanwhile,
 * the next request is for where it is now, asked after the frame is shown so input is handled in between.
 */
async function loadNetwork(): Promise<void> {
  if (loading) return;
  loading = true;
  try {
    while (filtersKey(wantedFilters()) !== drawnKey) {
      const filters = wantedFilters();
      status.textContent = `Loading ${formatDate(filters.asOf)}…`;
      const response = await ask(filters);
      if (response.kind === 'error') {
        status.textContent = `Could not load the network for ${formatDate(filters.asOf)}: ${response.message}`;
        drawnKey = filtersKey(filters);
        return;
      }
      if (response.kind === 'graph' && metrics.firstRenderMs === null) {
        const page = (t: number) => Math.round(t - performance.timeOrigin);
        metrics.phases.workerAsked ??= page(response.timing.received);
        metrics.phases.workerFetched ??= page(response.timing.fetched);
        metrics.phases.workerComputed ??= page(response.timing.computed);
      }
      phase('networkReceived');
      redraw(response, filters);
      drawnKey = filtersKey(filters);
      await afterFrame();
    }
  } finally {
    loading = false;
  }
}

function afterFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function redraw(response: Extract<WorkerResponse, { kind: 'graph' | 'same' }>, filters: NetworkFilters): void {
  const started = performance.now();
  if (response.kind === 'graph' || !graph) {
    if (response.kind !== 'graph') return;
    const next: NetworkGraph = new UndirectedGraph();
    next.import(response.graph);
    graph = view.setNetwork(next, currentPath);
    renderBlocLegend(graph);
    void refreshMap();
  }
  const counts = networkCounts(graph);
  byId('count-nations').textContent = String(counts.nations);
  byId('count-alliances').textContent = String(counts.alliances);
  byId('count-treaties').textContent = String(counts.treaties);
  document.body.dataset.networkDate = response.asOf;
  status.textContent = filtersKey(filters) === filtersKey(wantedFilters()) ? '' : `Loading ${formatDate(state.date)}…`;
  rememberNations(response.nations);
  const mainMs = performance.now() - started;
  phase('networkDrawn');
  requestAnimationFrame(() => {
    const now = performance.now();
    if (metrics.firstRenderMs === null) {
      metrics.firstRenderMs = now;
      metrics.firstFetchMs = prefetch?.ms ?? response.fetchMs;
      firstFrameDrawn();
    } else {
      const asked = requestedAt.get(response.asOf);
      // Dates asked for before this one will never be drawn: the slider has passed them.
      for (const [date, at] of requestedAt) if (asked === undefined || at <= asked) requestedAt.delete(date);
      if (asked !== undefined) {
        metrics.redraws.push({ date: response.asOf, totalMs: now - asked, fetchMs: response.fetchMs, computeMs: response.computeMs, mainMs, nodes: graph!.order, edges: graph!.size });
      }
    }
  });
}

function renderBlocLegend(g: NetworkGraph): void {
  const blocs = summarizeBlocs(g);
  byId('bloc-legend').replaceChildren(
    ...blocs.slice(0, 10).map((b) => h('li', {}, h('span', { class: 'swatch', style: `background:${b.color}` }), `${b.leaders.join(', ')}${b.size > b.leaders.length ? ` +${b.size - b.leaders.length}` : ''}`)),
    ...(blocs.length === 0 ? [h('li', { class: 'muted' }, 'No alliances at this date.')] : []),
  );
}

function rememberNations(nations: NationListing[]): void {
  let added = false;
  for (const n of nations) if (!knownNations.has(n.code)) { knownNations.set(n.code, n.name); added = true; }
  if (!added) return;
  const list = [...knownNations.entries()].sort((x, y) => x[1].localeCompare(y[1]));
  byId('nation-list').replaceChildren(...list.map(([code, name]) => h('option', { value: `${name} (${code})` })));
  labelPathInputs();
  const region = byId<HTMLSelectElement>('region');
  const have = new Set([...region.options].map((o) => o.value));
  for (const r of regionsOf(nations)) if (!have.has(r)) region.append(h('option', { value: r }, r));
}

// ---------------------------------------------------------------- views

async function refreshMap(): Promise<void> {
  if (state.view !== 'map' || !graph) return;
  if (!mapView) {
    const { MapView } = await import('./map-view.ts');
    mapView ??= new MapView(byId('map'), (code) => links.nation(code));
  }
  await mapView.update(graph, state.nation, state.date, nationPeriods);
}

function showView(): void {
  byId('network').hidden = state.view !== 'network';
  byId('map').hidden = state.view !== 'map';
  const zoom = document.getElementById('zoom');
  if (zoom) zoom.hidden = state.view !== 'network';
  void refreshMap();
}

// ---------------------------------------------------------------- panel

let panelRequest = 0;

async function refreshPanel(): Promise<void> {
  const request = ++panelRequest;
  const { nation, treaty, leader, organization, date } = state;
  if (!nation && !treaty && !leader && !organization) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  if (!panelBody.firstChild) panelBody.replaceChildren(loadingPanel());
  try {
    let content: HTMLElement;
    if (treaty) content = treatyPanel(await gql<TreatyResult>(TREATY_QUERY, { id: treaty, asOf: date }), links);
    else if (leader) content = leaderPanel(await gql<LeaderResult>(LEADER_QUERY, { id: leader }), links);
    else if (organization) content = organizationPanel(await gql<OrganizationResult>(ORGANIZATION_QUERY, { id: organization, asOf: date }), date, links);
    else content = nationPanel(await gql<NationResult>(NATION_QUERY, { code: nation, asOf: date }), date, links);
    if (request !== panelRequest) return;
    if ((treaty || leader || organization) && nation) content.prepend(h('p', {}, h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); update({ treaty: null, leader: null, organization: null }, 'push'); } }, `← ${knownNations.get(nation) ?? nation}`)));
    panelBody.replaceChildren(content);
    panelBody.scrollTop = 0;
  } catch (error) {
    if (request === panelRequest) panelBody.replaceChildren(errorPanel((error as Error).message));
  }
}

// ---------------------------------------------------------------- path finder

let currentPath: string[] | null = null;
/** Focus the camera on a path when it is first found, not each time the date moves. */
let pathChangedSinceFocus = true;
let pathRequest = 0;

function codeFromInput(text: string): string | null {
  const inParens = /\(([A-Z0-9]{2,6})\)\s*$/.exec(text.trim());
  if (inParens?.[1]) return inParens[1];
  const upper = text.trim().toUpperCase();
  if (knownNations.has(upper)) return upper;
  const lower = text.trim().toLowerCase();
  for (const [code, name] of knownNations) if (name.toLowerCase() === lower) return code;
  return null;
}

/** Shows the path's ends in the finder's inputs as "Name (CODE)", unless the user is typing in one. */
function labelPathInputs(): void {
  for (const [id, code] of [['path-from', state.pathFrom], ['path-to', state.pathTo]] as const) {
    const input = byId<HTMLInputElement>(id);
    if (code && document.activeElement !== input) input.value = `${knownNations.get(code) ?? code} (${code})`;
  }
}

/**
 * Learns every nation in the graph, a page at a time, after the first drawing: the path finder's list then
 * offers nations that no alliance links at the date (Sweden in 1961), not only those drawn so far.
 */
async function loadNationList(): Promise<void> {
  let after: string | null = null;
  const periods = new Map<string, Period[]>();
  try {
    do {
      const page: NationListResult = await gql<NationListResult>(NATION_LIST_QUERY, { after });
      rememberNations(page.nations.edges.map((e) => e.node));
      for (const { node } of page.nations.edges) periods.set(node.code, node.periods);
      after = page.nations.pageInfo.hasNextPage ? page.nations.pageInfo.endCursor : null;
    } while (after);
    // The map reads the periods whole or not at all: a nation missing from them counts as no state then.
    for (const [code, list] of periods) nationPeriods.set(code, list);
    void refreshMap();
  } catch {
    // The list only helps typing: without it, the finder still knows every nation drawn so far.
  }
}

async function refreshPath(): Promise<void> {
  const request = ++pathRequest;
  const result = byId('path-result');
  const { pathFrom, pathTo, date, obligations } = state;
  labelPathInputs();
  if (!pathFrom || !pathTo) {
    currentPath = null;
    view.setPath(null);
    result.replaceChildren();
    return;
  }
  result.replaceChildren(h('span', { class: 'muted' }, 'Searching…'));
  try {
    const data = await gql<PathResult>(PATH_QUERY, { from: pathFrom, to: pathTo, asOf: date, obligations: obligations.length === OBLIGATIONS.length ? null : obligations });
    if (request !== pathRequest) return;
    const path = data.alliancePath;
    if (!path || path.nations.length === 0) {
      currentPath = null;
      view.setPath(null);
      result.replaceChildren(h('p', { 'data-testid': 'path-none' }, `No alliance path on ${formatDate(date)}.`));
      return;
    }
    currentPath = path.nations.map((n) => n.code);
    view.setPath(currentPath);
    if (pathChangedSinceFocus) view.focus(currentPath);
    pathChangedSinceFocus = false;
    result.replaceChildren(h('ol', { 'data-testid': 'path-hops' },
      path.nations.map((n, i) => {
        const hop = path.hops[i];
        return h('li', {},
          h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); links.nation(n.code); } }, n.name),
          hop ? h('div', { class: 'hop' }, 'via ', h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); links.treaty(hop.treaty.id); } }, hop.treaty.name),
            ' ', hop.obligations.map((o) => h('span', { class: 'badge', style: `background:${OBLIGATION_COLORS[o]}` }, OBLIGATION_LABELS[o]))) : null);
      })));
  } catch (error) {
    if (request === pathRequest) result.replaceChildren(h('p', { class: 'error' }, (error as Error).message));
  }
}

// ---------------------------------------------------------------- search

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchRequest = 0;

function setupSearch(): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('search-results');
  const choose = (kind: string, id: string) => {
    list.hidden = true;
    input.value = '';
    const k = kind.toLowerCase();
    if (k === 'nation') {
      links.nation(id);
      view.focusNation(id);
    }
    else if (k === 'treaty') links.treaty(id);
    else if (k === 'leader') links.leader(id);
    else if (k === 'organization') links.organization(id);
  };
  input.addEventListener('input', () => {
    clearTimeout(searchTimer);
    const text = input.value.trim();
    if (text.length < 2) { list.hidden = true; return; }
    searchTimer = setTimeout(async () => {
      const request = ++searchRequest;
      try {
        const data = await gql<SearchResult>(SEARCH_QUERY, { text });
        if (request !== searchRequest) return;
        list.replaceChildren(...(data.search.length === 0 ? [h('li', { class: 'muted' }, 'Nothing found')] : data.search.map((hit) =>
          h('li', { role: 'option', 'data-kind': hit.kind, 'data-id': hit.id, onmousedown: (e: Event) => { e.preventDefault(); choose(hit.kind, hit.id); } },
            h('span', { class: `kind kind-${hit.kind.toLowerCase()}` }, hit.kind.toLowerCase()), ' ', hit.name))));
        list.hidden = false;
      } catch (error) {
        list.replaceChildren(h('li', { class: 'error' }, (error as Error).message));
        list.hidden = false;
      }
    }, 180);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const first = list.querySelector<HTMLLIElement>('li[data-id]');
      if (first?.dataset.kind && first.dataset.id) choose(first.dataset.kind, first.dataset.id);
    } else if (e.key === 'Escape') list.hidden = true;
  });
  input.addEventListener('blur', () => { list.hidden = true; });
}

// ---------------------------------------------------------------- controls

let playing: ReturnType<typeof setTimeout> | null = null;

function stopPlaying(): void {
  if (playing) clearTimeout(playing);
  playing = null;
  byId('play').textContent = '▶';
  byId('play').setAttribute('aria-label', 'Play');
}

function setupControls(): void {
  slider.min = '0';
  slider.max = String(dayIndex(today));
  dateInput.min = FIRST_DAY;
  dateInput.max = today;
  slider.addEventListener('input', () => update({ date: dayFromIndex(Number(slider.value)) }, 'replace', false));
  slider.addEventListener('change', () => update({ date: dayFromIndex(Number(slider.value)) }, 'replace', true));
  dateInput.addEventListener('change', () => {
    const day = validDay(dateInput.value, today);
    if (day) update({ date: day });
  });
  byId('play').addEventListener('click', () => {
    if (playing) return stopPlaying();
    if (state.date >= today) update({ date: FIRST_DAY });
    byId('play').textContent = '❚❚';
    byId('play').setAttribute('aria-label', 'Pause');
    const step = () => {
      if (loading) { playing = setTimeout(step, 50); return; }
      const next = dayFromIndex(Math.min(dayIndex(state.date) + 365, dayIndex(today)));
      update({ date: next }, 'replace', next >= today);
      if (next >= today) stopPlaying();
      else playing = setTimeout(step, 350);
    };
    playing = setTimeout(step, 0);
  });

  const filters = byId('obligation-filters');
  for (const o of OBLIGATIONS) {
    filters.append(h('label', {}, h('input', { type: 'checkbox', value: o, checked: state.obligations.includes(o), onchange: () => {
      const chosen = [...filters.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value as Obligation);
      update({ obligations: OBLIGATIONS.filter((x) => chosen.includes(x)) });
    } }), h('span', { class: 'swatch line', style: `background:${OBLIGATION_COLORS[o]}` }), OBLIGATION_LABELS[o]));
  }
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=sources]')) {
    radio.addEventListener('change', () => update({ sources: radio.value === 'seeds' ? 'seeds' : 'all' }));
  }
  byId<HTMLSelectElement>('region').addEventListener('change', (e) => update({ region: (e.target as HTMLSelectElement).value || null }));
  for (const button of document.querySelectorAll<HTMLButtonElement>('#views button')) {
    button.addEventListener('click', () => update({ view: button.dataset.view === 'map' ? 'map' : 'network' }, 'push'));
  }
  byId('panel-close').addEventListener('click', () => update(NO_SELECTION, 'push'));
  byId('path-find').addEventListener('click', () => {
    const from = codeFromInput(byId<HTMLInputElement>('path-from').value);
    const to = codeFromInput(byId<HTMLInputElement>('path-to').value);
    if (!from || !to) {
      byId('path-result').replaceChildren(h('p', { class: 'error' }, 'Pick two nations from the list.'));
      return;
    }
    if (from === state.pathFrom && to === state.pathTo) void refreshPath();
    else update({ pathFrom: from, pathTo: to }, 'push');
  });
  byId('path-clear').addEventListener('click', () => {
    byId<HTMLInputElement>('path-from').value = '';
    byId<HTMLInputElement>('path-to').value = '';
    update({ pathFrom: null, pathTo: null }, 'push');
  });
  byId('export').addEventListener('click', () => {
    if (!graph) return;
    const format = byId<HTMLSelectElement>('export-format').value as ExportFormat;
    const text = writeNetwork(graph, format, state.date);
    const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: EXPORT_MIME[format] })), download: exportFileName(format, state.date) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  const stage = byId('stage');
  stage.append(h('div', { id: 'zoom' },
    h('button', { type: 'button', 'aria-label': 'Zoom in', onclick: () => view.zoom(1.5) }, '+'),
    h('button', { type: 'button', 'aria-label': 'Zoom out', onclick: () => view.zoom(1 / 1.5) }, '−'),
    h('button', { type: 'button', 'aria-label': 'Reset view', onclick: () => view.zoom('reset') }, '⟲')));
  window.addEventListener('popstate', () => {
    const next = decodeState(location.search, today);
    const change: Change = next;
    state = { ...state };
    update(change, 'replace');
  });
  setupSearch();
}

// ---------------------------------------------------------------- start

declare global {
  interface Window {
    /** For the browser test and curious people: state, timings and where a nation is drawn. */
    __entente: {
      metrics: Metrics;
      state: () => AppState;
      counts: () => ReturnType<typeof networkCounts> | null;
      nodePosition: (code: string) => { x: number; y: number } | null;
      edgeObligations: (a: string, b: string) => string[] | null;
    };
  }
}

window.__entente = {
  metrics,
  state: () => state,
  counts: () => (graph ? networkCounts(graph) : null),
  nodePosition: (code) => view.viewportPosition(code),
  edgeObligations: (a, b) => {
    const edge = graph && graph.hasNode(a) && graph.hasNode(b) ? graph.edge(a, b) : undefined;
    return edge ? graph!.getEdgeAttribute(edge, 'obligations') : null;
  },
};

let firstFrameDrawn: () => void = () => {};
const firstFrame = new Promise<void>((resolve) => (firstFrameDrawn = resolve));

async function start(): Promise<void> {
  phase('scriptStarted');
  setupControls();
  syncControls();
  showView();
  await loadNetwork();
  view.select(state.nation);
  if (state.nation && !(state.pathFrom && state.pathTo)) view.focusNation(state.nation);
  void refreshPanel();
  void refreshPath();
  // Ready (body[data-ready], which tests wait for) once the network is drawn and every nation is listed.
  await Promise.all([firstFrame, loadNationList()]);
  document.body.dataset.ready = 'true';
}

void start();
