/**
 * `npm run bench`: how fast Entente imports and answers, at ATOP's size and at 10 and 100 times it.
 *
 * For each scale (1x: the real ATOP 5.1 files from ../shared/data, else a synthetic world of the same size;
 * 10x and 100x: synthetic worlds from bench/generate.ts, fixed seed) it starts from an empty database, imports
 * with the real importer (rows/s), then times six queries under concurrency with autocannon on loopback,
 * against three servers over the same graph: Entente's API, hand-written Cypher through neo4j-driver, and
 * @neo4j/graphql's generated API (for every query it can express). It reports latency p50/p95, throughput and
 * each server's peak RSS, and the CPU time each request costs the server's process and Neo4j (where a server
 * is slower, this says which side spends the time), prints a table, writes JSON to bench/results/ and
 * rewrites BENCHMARKS.md.
 *
 *   npm run bench [-- --scales 1,10,100] [--seconds 3] [--rounds 5] [--import-runs 3] [--connections 4]
 *                 [--queries alliancePath,treatiesBetween] [--no-write]
 *
 * Every figure is the median over repeated runs, shown with its spread: `--import-runs` imports from empty
 * (each followed, up to 10x, by an import that finds nothing to write), and `--rounds` timed rounds of
 * `--seconds` each per query and server, the servers taking turns within a round so that a burst of other
 * work on the machine falls on all of them rather than on one.
 * `--queries` times only the named queries (to look into one figure); `--no-write` leaves BENCHMARKS.md as it
 * is, so such a partial run does not replace the full one there (its JSON is still written).
 *   npm run bench -- --from-json bench/results/bench-....json    (write BENCHMARKS.md again from a saved run)
 *
 * A throwaway Neo4j is started for the run and deleted after it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { Graph } from '../src/graph/graph.ts';
import { applySchema } from '../src/graph/schema.ts';
import { importAtop } from '../src/import/atop/index.ts';
import { terminalProgress } from '../src/import/engine/progress.ts';
import { totals } from '../src/import/engine/summary.ts';
import { NEO4J_VERSION } from '../src/runtime/index.ts';
import { startInstance, stopInstance } from '../src/runtime/instance.ts';
import { generatePassword } from '../src/runtime/password.ts';
import { freePort } from '../src/runtime/port.ts';
import { generateWorld } from './generate.ts';
import { QUERIES, type Targets } from './queries.ts';
import { SERVER_KINDS, benchCypher, type ServerKind } from './servers.ts';
import { startChildServer } from './child.ts';
import { postLoad } from './post-load.ts';
import { writeReport } from './report.ts';
import { cpuMs, median, percentile } from './stats.ts';
import { peakRssMiB } from '../test/support/server.ts';

const ROOT = join(import.meta.dirname, '..');
const REAL_DATA = join(ROOT, '..', 'shared', 'data');
const HEAP = '3g';
const PAGE_CACHE_MB = 2048;
/** Untimed load before each measured one. */
const WARMUP_SECONDS = 2;
/** Above this single-request latency a query is timed by sequential requests, not under load. */
const SLOW_MS = 3_000;
/** The API's query timeout in this run, and how long the client waits for any answer. */
const QUERY_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 90_000;
/** The sections of BENCHMARKS.md this run writes; any other (e.g. "## Load" of bench/load.ts) is kept. */
const OWN_SECTIONS = ['Machine', 'Method', 'Import', 'Queries', 'Memory', 'What is measured'];

interface ImportResult {
  source: string;
  states: number;
  alliances: number;
  memberRows: number;
  elements: number;
  /** The median over `runs`. */
  seconds: number;
  /** Each run's time, from empty, in seconds. */
  runs?: number[];
  memberRowsPerSecond: number;
  elementsPerSecond: number;
  singleTransaction: boolean;
  /** The median time of a second import of the same files (nothing to write), and each run's. */
  rerunSeconds?: number;
  rerunRuns?: number[];
}

/** One timed round of a query against one server. */
interface Round {
  requests: number;
  /** Transport errors, timeouts and answers other than 200. */
  errors: number;
  p50: number;
  p95: number;
  throughput: number;
  /** CPU time (user and system) per answered request: the server's process, and Neo4j's. */
  serverCpuMs?: number;
  neo4jCpuMs?: number;
}

interface QueryResult {
  scale: number;
  query: string;
  server: ServerKind;
  /** Why there is no measurement (the server cannot express the query, or it failed). */
  skipped?: string;
  mode?: 'load' | 'sequential';
  /** Over all rounds. */
  requests?: number;
  /** Medians over the rounds; each round's figures are in `rounds`. */
  p50?: number;
  p95?: number;
  throughput?: number;
  /** Medians over the rounds, in ms per request. */
  serverCpuMs?: number;
  neo4jCpuMs?: number;
  rounds?: Round[];
  errors?: number;
  /** The size of the answer (allies, treaties, hops, edges, total), to check that the servers agree. */
  size?: number;
  bytes?: number;
}

interface ScaleResult {
  scale: number;
  import: ImportResult;
  targets: Targets;
  queries: QueryResult[];
  peakRssMiB: Record<ServerKind, number>;
  disagreements: string[];
}

interface Report {
  started: string;
  machine: ReturnType<typeof machine>;
  settings: { heap: string; pageCacheMb: number; connections: number; seconds: number; rounds?: number; importRuns?: number };
  results: ScaleResult[];
}

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    'import-runs': { type: 'string', default: '3' },
    connections: { type: 'string', default: '4' },
    queries: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'from-json': { type: 'string' },
  },
});
const scales = values.scales.split(',').map(Number);
const baseSeconds = Number(values.seconds);
const rounds = Number(values.rounds);
const importRuns = Number(values['import-runs']);
const connections = Number(values.connections);
const chosen = values.queries?.split(',') ?? QUERIES.map((q) => q.name);
const unknown = chosen.filter((name) => !QUERIES.some((q) => q.name === name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown quer${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')}: --queries takes names from ${QUERIES.map((q) => q.name).join(', ')}.\n`);
  process.exit(2);
}
const say = (line: string) => process.stderr.write(`${line}\n`);
const loadAverage = os.loadavg();
const results: ScaleResult[] = [];
let graph: Graph;
let neo4jPid: number;
let login: { uri: string; user: string; password: string };
let work: string;

if (values['from-json']) {
  // Render BENCHMARKS.md again from a saved run, without measuring.
  writeBenchmarks(JSON.parse(readFileSync(values['from-json'], 'utf8')) as Report);
} else {
  const started = new Date();
  work = mkdtempSync(join(os.tmpdir(), 'entente-bench-'));
  const neoDir = join(work, 'neo4j');
  const password = generatePassword();
  const port = await freePort();
  say(`Starting Neo4j ${NEO4J_VERSION} (heap ${HEAP}, page cache ${PAGE_CACHE_MB} MiB) in ${neoDir}`);
  const instance = await startInstance({ root: neoDir, port, password, heap: HEAP, pageCacheMb: PAGE_CACHE_MB, detached: false, timeoutMs: 180_000 });
  login = { uri: instance.uri, user: 'neo4j', password };
  neo4jPid = instance.pid;
  graph = new Graph({ ...login, readTimeoutMs: 300_000 });
  try {
    await applySchema(graph);
    for (const scale of scales) results.push(await benchScale(scale));
  } finally {
    await graph.close();
    await stopInstance(neoDir);
    rmSync(work, { recursive: true, force: true });
  }
  const report: Report = { started: started.toISOString(), machine: machine(), settings: { heap: HEAP, pageCacheMb: PAGE_CACHE_MB, connections, seconds: baseSeconds, rounds, importRuns }, results };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const jsonFile = join(ROOT, 'bench', 'results', `bench-${report.started.replace(/[:.]/g, '-')}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  if (values['no-write']) console.log(formatTables(report.results, report.settings.connections));
  else writeBenchmarks(report);
  say(`\nWrote ${jsonFile}${values['no-write'] ? '' : ' and BENCHMARKS.md'} in ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min.`);
}

function writeBenchmarks(report: Report): void {
  const table = formatTables(report.results, report.settings.connections);
  console.log(table);
  writeReport(benchmarksMarkdown(report, table), OWN_SECTIONS);
}

async function benchScale(scale: number): Promise<ScaleResult> {
  say(`\n=== ${scale}x ===`);
  await clear();
  const real = scale === 1 && existsSync(join(REAL_DATA, 'atop-5.1', 'atop5_1m.csv'));
  const world = real
    ? { atopDir: join(REAL_DATA, 'atop-5.1'), statesFile: join(REAL_DATA, 'cow-states', 'states2016.csv'), crosswalkFile: join(REAL_DATA, 'countrycode', 'codelist_without_cldr.csv') }
    : generateWorld(scale, join(work, `world-${scale}`));
  if (results.length === 0) {
    // One import before the first measured one, so that compiling the statements is not counted.
    await importAtop(graph, { dir: world.atopDir, statesFile: world.statesFile, crosswalkFile: world.crosswalkFile });
    await clear();
  }
  const files = { dir: world.atopDir, statesFile: world.statesFile, crosswalkFile: world.crosswalkFile };
  const runs: number[] = [];
  const rerunRuns: number[] = [];
  let summary: Awaited<ReturnType<typeof importAtop>> | undefined;
  for (let run = 0; run < importRuns; run += 1) {
    if (run > 0) await clear();
    const t0 = performance.now();
    summary = await importAtop(graph, { ...files, ...(run === 0 ? { progress: terminalProgress() } : {}) });
    runs.push((performance.now() - t0) / 1000);
    if (scale <= 10) {
      const t1 = performance.now();
      const again = await importAtop(graph, files);
      const t = totals(again.counts);
      if (t.created + t.updated + t.removed > 0) throw new Error(`a second import at ${scale}x changed ${t.created + t.updated + t.removed} elements`);
      rerunRuns.push((performance.now() - t1) / 1000);
    }
  }
  const seconds = median(runs);
  const memberRows = lines(join(world.atopDir, 'atop5_1m.csv'));
  const elements = totals(summary!.counts).created;
  const result: ImportResult = {
    source: real ? 'ATOP 5.1 (real files)' : `synthetic world, seed fixed (bench/generate.ts)`,
    states: summary!.counts.find((c) => c.kind === 'nations')?.created ?? 0,
    alliances: lines(join(world.atopDir, 'atop5_1a.csv')),
    memberRows,
    elements,
    seconds,
    runs,
    memberRowsPerSecond: memberRows / seconds,
    elementsPerSecond: elements / seconds,
    singleTransaction: summary!.singleTransaction,
    ...(rerunRuns.length > 0 ? { rerunSeconds: median(rerunRuns), rerunRuns } : {}),
  };
  say(`imported ${memberRows} member rows (${elements} elements) in ${seconds.toFixed(1)} s (median of ${runs.map((x) => x.toFixed(1)).join(', ')}): ${Math.round(result.memberRowsPerSecond)} member rows/s`);

  const targets = await chooseTargets('1990-06-01');
  say(`targets: ${JSON.stringify(targets)}`);
  const servers = new Map<ServerKind, Awaited<ReturnType<typeof startServer>>>();
  const queries: QueryResult[] = [];
  const disagreements: string[] = [];
  const peakRssMiB = {} as Record<ServerKind, number>;
  try {
    for (const kind of SERVER_KINDS) servers.set(kind, await startServer(kind));
    const seconds = Math.max(2, Math.round(baseSeconds * (scale >= 100 ? 0.6 : scale >= 10 ? 0.8 : 1)));
    for (const spec of QUERIES.filter((q) => chosen.includes(q.name))) {
      const checked: Checked[] = [];
      for (const kind of SERVER_KINDS) {
        const request = spec.request(kind, targets);
        if (!request) {
          queries.push({ scale, query: spec.name, server: kind, skipped: 'not expressible' });
          continue;
        }
        const check = await checkAnswer(spec, kind, servers.get(kind)!.url, request, seconds);
        if ('skipped' in check) {
          queries.push({ scale, query: spec.name, server: kind, skipped: check.skipped });
          say(`${kind} server output:\n${servers.get(kind)!.output().slice(-2000)}`);
        } else {
          checked.push(check);
        }
      }
      // Entente and the floor are timed the same way, so that their ratio compares like with like: if either
      // is too slow to load, both are timed by single requests.
      const pair = checked.filter((c) => c.kind === 'entente' || c.kind === 'cypher');
      if (pair.some((c) => c.mode === 'sequential')) for (const c of pair) c.mode = 'sequential';
      const [mine, floor] = [checked.find((c) => c.kind === 'entente')?.answer, checked.find((c) => c.kind === 'cypher')?.answer];
      if (mine !== undefined && floor !== undefined && mine !== floor) disagreements.push(`${spec.name}: Entente's answer differs from the hand-written Cypher's (in content or order)`);
      // Untimed load first, so that every server is measured warm (V8's compiled code, Neo4j's plans and
      // caches), not while it warms up; then the rounds, the servers taking turns (a different one first
      // each round).
      for (const c of checked) if (c.mode === 'load') await load(c, WARMUP_SECONDS);
      const measured = new Map<ServerKind, Round[]>(checked.map((c) => [c.kind, []]));
      const pids = [neo4jPid, ...[...servers.values()].map((s) => s.pid)];
      for (let round = 0; round < rounds; round += 1) {
        for (let i = 0; i < checked.length; i += 1) {
          const c = checked[(i + round) % checked.length]!;
          const pid = servers.get(c.kind)!.pid;
          // Each turn starts on a quiet Neo4j: the turn before may have left statements running (autocannon
          // stops its clients, not the database's work: the peer's slowest queries run on for a second or
          // more) and garbage to collect, and that work would be counted against whichever server came next.
          await settle(pids);
          const before = [cpuMs(pid), cpuMs(neo4jPid)] as const;
          const timed = c.mode === 'load' ? await load(c, seconds) : await sequentialRound(c);
          const n = Math.max(1, timed.requests);
          measured.get(c.kind)!.push({ ...timed, serverCpuMs: (cpuMs(pid) - before[0]) / n, neo4jCpuMs: (cpuMs(neo4jPid) - before[1]) / n });
        }
      }
      for (const c of checked) {
        const q = summarize(scale, spec.name, c, measured.get(c.kind)!);
        queries.push(q);
        say(`${spec.name.padEnd(32)} ${c.kind.padEnd(14)} p50 ${fmt(q.p50)} ms (${spread(q)}), p95 ${fmt(q.p95)} ms, ${fmt(q.throughput)} req/s (${q.mode}, size ${q.size})`);
      }
    }
  } finally {
    for (const [kind, server] of servers) {
      peakRssMiB[kind] = server.peakRssMiB();
      await server.stop();
    }
  }
  for (const spec of QUERIES) {
    const sizes = queries.filter((q) => q.query === spec.name && q.size !== undefined);
    const reference = sizes.find((q) => q.server === 'cypher')?.size;
    for (const q of sizes) if (q.size !== reference) disagreements.push(`${spec.name}: ${q.server} answers ${q.size}, hand-written Cypher ${reference}`);
  }
  for (const d of disagreements) say(`note: ${d}`);
  return { scale, import: result, targets, queries, peakRssMiB, disagreements };
}

async function clear(): Promise<void> {
  const session = graph.driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS');
  } finally {
    await session.close();
  }
}

function lines(file: string): number {
  return readFileSync(file, 'utf8').trimEnd().split('\n').length - 1;
}

/** The hub (most memberships on asOf), its closest partner, and the nation farthest from it within 4 hops. */
async function chooseTargets(asOf: string): Promise<Targets> {
  const edges = await graph.readText<{ a: string; b: string; treaties: string[] }>(benchCypher().get('alliance-network')!, { asOf });
  const adjacency = new Map<string, Map<string, number>>();
  for (const e of edges) {
    for (const [x, y] of [[e.a, e.b], [e.b, e.a]] as const) {
      if (!adjacency.has(x)) adjacency.set(x, new Map());
      adjacency.get(x)!.set(y, e.treaties.length);
    }
  }
  const [hub] = [...adjacency.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0]!;
  const partner = [...adjacency.get(hub)!.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const distance = new Map([[hub, 0]]);
  let frontier = [hub];
  for (let d = 1; d <= 4 && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const x of frontier) for (const y of adjacency.get(x)!.keys()) if (!distance.has(y)) distance.set(y, d), next.push(y);
    frontier = next;
  }
  const far = [...distance.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  return { hub, partner, far, asOf };
}

async function startServer(kind: ServerKind): Promise<{ url: string; pid: number; output(): string; stop(): Promise<void>; peakRssMiB(): number }> {
  const server = await startChildServer(kind, [join(ROOT, 'bench', 'servers.ts'), kind], {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NEO4J_URI: login.uri,
    NEO4J_USER: login.user,
    NEO4J_PASSWORD: login.password,
    // The API's own limits, but time enough for the whole 100x network.
    ENTENTE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
  });
  return { ...server, pid: server.child.pid!, peakRssMiB: () => peakRssMiB(server.child.pid!) };
}

async function once(url: string, body: string): Promise<{ ms: number; data: unknown; bytes: number; error?: string }> {
  const t = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    text = await response.text();
  } catch (error) {
    return { ms: performance.now() - t, data: undefined, bytes: 0, error: `no answer within ${REQUEST_TIMEOUT_MS / 1000} s (${(error as Error).name})` };
  }
  const ms = performance.now() - t;
  try {
    const json = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
    if (json.errors?.length || response.status !== 200) return { ms, data: undefined, bytes: text.length, error: json.errors?.[0]?.message ?? `HTTP ${response.status}` };
    return { ms, data: json.data, bytes: text.length };
  } catch {
    return { ms, data: undefined, bytes: text.length, error: `HTTP ${response.status}: ${text.slice(0, 100)}` };
  }
}

/** A server whose answer to a query was checked: how it is to be timed. */
interface Checked {
  kind: ServerKind;
  url: string;
  body: string;
  size: number;
  bytes: number;
  /** The whole answer in the query's common shape, keys sorted (Entente and the hand-written Cypher). */
  answer?: string;
  /** Under load, or (too slow for that in the time given) by single requests. */
  mode: 'load' | 'sequential';
}

/** Sends the query once to check the answer and once more to see how long it takes. */
async function checkAnswer(spec: (typeof QUERIES)[number], kind: ServerKind, base: string, request: { path: string; body: Record<string, unknown> }, seconds: number): Promise<Checked | { skipped: string }> {
  const url = `${base}${request.path}`;
  const body = JSON.stringify(request.body);
  const first = await once(url, body);
  if (first.error) return { skipped: `failed: ${first.error}` };
  const warm = await once(url, body);
  if (warm.error) return { skipped: `failed: ${warm.error}` };
  const mode = warm.ms > Math.min(SLOW_MS, (seconds * 1000) / 4) ? 'sequential' : 'load';
  const answer = kind !== 'neo4j-graphql' && spec.answer ? JSON.stringify(sortedKeys(spec.answer(kind, first.data))) : undefined;
  return { kind, url, body, size: spec.size(kind, first.data), bytes: first.bytes, mode, ...(answer === undefined ? {} : { answer }) };
}

/**
 * Waits until the processes (Neo4j and the servers) are idle: together under a tenth of a core over half a second
 * (an idle Neo4j uses about 2%), for at most 60 s (then it goes on and says so).
 */
async function settle(pids: number[]): Promise<void> {
  const windowMs = 500;
  const total = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (total() - before < windowMs * 0.1) return;
    if (Date.now() > deadline) {
      say('note: Neo4j and the servers were still busy after 60 s; timing the next turn anyway');
      return;
    }
  }
}

/** `seconds` of load from `connections` clients; the figures of the answers that came back 200. */
async function load(c: Checked, seconds: number): Promise<Round> {
  const { times, failures, duration } = await postLoad({ url: c.url, body: c.body, connections, seconds, timeoutSeconds: REQUEST_TIMEOUT_MS / 1000 });
  return { requests: times.length, errors: failures, p50: percentile(times, 50), p95: percentile(times, 95), throughput: times.length / duration };
}

/** One request, for a query too slow to load. */
async function sequentialRound(c: Checked): Promise<Round> {
  const r = await once(c.url, c.body);
  return { requests: 1, errors: r.error ? 1 : 0, p50: r.ms, p95: r.ms, throughput: 1000 / r.ms };
}

function summarize(scale: number, query: string, c: Checked, rounds: Round[]): QueryResult {
  return {
    scale, query, server: c.kind, mode: c.mode,
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    p50: median(rounds.map((r) => r.p50)),
    // One request a round when sequential: its p95 is over all the rounds' requests.
    p95: c.mode === 'sequential' ? percentile(rounds.map((r) => r.p50), 95) : median(rounds.map((r) => r.p95)),
    throughput: median(rounds.map((r) => r.throughput)),
    serverCpuMs: median(rounds.map((r) => r.serverCpuMs ?? NaN)),
    neo4jCpuMs: median(rounds.map((r) => r.neo4jCpuMs ?? NaN)),
    rounds, errors: rounds.reduce((n, r) => n + r.errors, 0), size: c.size, bytes: c.bytes,
  };
}

/** `value` with every object's keys in sorted order, so that two answers compare as JSON text. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  return value;
}

/** The range of the rounds' p50s, as "min-max". */
function spread(q: QueryResult): string {
  const p50s = (q.rounds ?? []).map((r) => r.p50);
  return p50s.length > 1 ? `${fmt(Math.min(...p50s))}-${fmt(Math.max(...p50s))}` : '-';
}

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '-';
  return n >= 100 ? String(Math.round(n)) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} x ${cpus.length}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    neo4j: `${NEO4J_VERSION} Community, embedded (heap ${HEAP}, page cache ${PAGE_CACHE_MB} MiB), same machine`,
    loadAverageAtStart: loadAverage.map((l) => l.toFixed(2)).join(' '),
  };
}

function formatTables(all: ScaleResult[], connections: number): string {
  const out: string[] = [];
  out.push('## Import');
  out.push('');
  out.push('Medians over the runs, with the range of the runs in brackets.');
  out.push('');
  out.push('| scale | data | states | alliances | member rows | elements written | runs | time | member rows/s | elements/s | rerun, nothing to write |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  const range = (xs: number[] | undefined) => (xs && xs.length > 1 ? ` (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})` : '');
  for (const r of all) {
    const i = r.import;
    const perSecond = (n: number) => `${Math.round(n / i.seconds)}${i.runs && i.runs.length > 1 ? ` (${Math.round(n / Math.max(...i.runs))}-${Math.round(n / Math.min(...i.runs))})` : ''}`;
    out.push(`| ${r.scale}x | ${i.source} | ${i.states} | ${i.alliances} | ${i.memberRows} | ${i.elements} | ${i.runs?.length ?? 1} | ${i.seconds.toFixed(1)} s${range(i.runs)} | ${perSecond(i.memberRows)} | ${perSecond(i.elements)} | ${i.rerunSeconds === undefined ? '-' : `${i.rerunSeconds.toFixed(1)} s${range(i.rerunRuns)}`} |`);
  }
  out.push('');
  out.push('## Queries');
  out.push('');
  out.push(`autocannon, ${connections} connections on loopback. Each cell: p50 (the range of the rounds' p50s) / p95 in ms / throughput in requests/s, each the median over the rounds; "seq." = too slow to load in the time given (over ${SLOW_MS / 1000} s, or a quarter of it), timed by one request a round. The last two columns divide Entente's p50 by the others' (below 1: Entente is faster).`);
  out.push('');
  out.push(`| scale | query | answer size | ${SERVER_KINDS.map((k) => `${k} p50 (range) / p95 / req/s`).join(' | ')} | entente ÷ cypher | entente ÷ neo4j-graphql |`);
  out.push(`|---|---|---|${SERVER_KINDS.map(() => '---').join('|')}|---|---|`);
  for (const r of all) {
    for (const spec of QUERIES.filter((q) => r.queries.some((x) => x.query === q.name))) {
      const of = (kind: ServerKind) => r.queries.find((x) => x.query === spec.name && x.server === kind && !x.skipped);
      const cells = SERVER_KINDS.map((kind) => {
        const q = r.queries.find((x) => x.query === spec.name && x.server === kind);
        if (!q || q.skipped) return q?.skipped ?? '-';
        const range = spread(q);
        return `${fmt(q.p50)}${range === '-' ? '' : ` (${range})`} / ${fmt(q.p95)} / ${fmt(q.throughput)}${q.mode === 'sequential' ? ' (seq.)' : ''}${q.errors ? ` (${q.errors} errors)` : ''}`;
      });
      const ratio = (kind: ServerKind) => {
        const [mine, theirs] = [of('entente')?.p50, of(kind)?.p50];
        return mine === undefined || theirs === undefined ? '-' : `${(mine / theirs).toFixed(2)}x`;
      };
      const size = r.queries.find((x) => x.query === spec.name && x.server === 'cypher')?.size ?? '-';
      out.push(`| ${r.scale}x | ${spec.name} | ${size} | ${cells.join(' | ')} | ${ratio('cypher')} | ${ratio('neo4j-graphql')} |`);
    }
  }
  out.push('');
  out.push(`CPU time each answered request cost, in ms, median over the rounds (/proc, user and system): the server's own process, then Neo4j's. Under load the server's process is one Node thread, so at ${connections} connections its CPU per request shows up as waiting in the p50 above; the hand-written Cypher's server does only the driver's decoding and JSON. The last two columns compare Entente with it: all the CPU a request costs, and the server's part alone.`);
  out.push('');
  out.push(`| scale | query | ${SERVER_KINDS.map((k) => `${k} server + Neo4j`).join(' | ')} | entente ÷ cypher, all CPU | entente − cypher, server CPU |`);
  out.push(`|---|---|${SERVER_KINDS.map(() => '---').join('|')}|---|---|`);
  for (const r of all) {
    for (const spec of QUERIES.filter((q) => r.queries.some((x) => x.query === q.name))) {
      const of = (kind: ServerKind) => r.queries.find((x) => x.query === spec.name && x.server === kind && !x.skipped && x.serverCpuMs !== undefined && !Number.isNaN(x.serverCpuMs));
      const cells = SERVER_KINDS.map((kind) => {
        const q = of(kind);
        return q ? `${fmt(q.serverCpuMs)} + ${fmt(q.neo4jCpuMs)}` : '-';
      });
      const [mine, floor] = [of('entente'), of('cypher')];
      const total = (q: QueryResult) => q.serverCpuMs! + q.neo4jCpuMs!;
      const ratio = mine && floor ? `${(total(mine) / total(floor)).toFixed(2)}x` : '-';
      const extra = mine && floor ? `${mine.serverCpuMs! - floor.serverCpuMs! >= 0 ? '+' : ''}${fmt(mine.serverCpuMs! - floor.serverCpuMs!)}` : '-';
      out.push(`| ${r.scale}x | ${spec.name} | ${cells.join(' | ')} | ${ratio} | ${extra} |`);
    }
  }
  out.push('');
  out.push('## Memory');
  out.push('');
  out.push(`Peak RSS of each server process (MiB): ${all.map((r) => `${r.scale}x: ${SERVER_KINDS.map((k) => `${k} ${Math.round(r.peakRssMiB[k])}`).join(', ')}`).join('; ')}`);
  const notes = all.flatMap((r) => r.disagreements.map((d) => `${r.scale}x ${d}`));
  if (notes.length > 0) out.push('', 'Answers that differ from the hand-written Cypher:', ...notes.map((n) => `- ${n}`));
  return out.join('\n');
}

function benchmarksMarkdown(r: Report, table: string): string {
  const m = r.machine;
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${r.started.slice(0, 10)}; the raw figures are in bench/results/ (git-ignored).

## Machine

- CPU: ${m.cpu}; memory: ${m.memoryGiB} GiB; ${m.os}
- Node ${m.node}; Neo4j ${m.neo4j}
- Load average when the run started: ${m.loadAverageAtStart} (the machine is shared: other work runs beside the benchmark, so
  absolute figures vary from run to run; compare the servers within one run)

## Method

- **Import**: \`importAtop\` from empty, the whole run (reading, checking, planning, writing), ${r.settings.importRuns ?? 1} runs
  at each scale (the median and the range are shown), after one warm-up import at the first scale so that compiling
  the statements is not counted. 1x is the real ATOP 5.1 files;
  10x and 100x are synthetic worlds with 10 and 100 times ATOP's states, alliances and member rows, in ATOP's own file
  layout (bench/generate.ts, fixed seed). Up to 60,000 writes an import is one transaction; above it, transactions of
  about 20,000. "Rerun" is the same import again, right after each run, which finds nothing to write.
- **Queries**: each query against three servers over the same graph, each in its own process: **entente** (the API of
  src/api/server.ts, as \`npm start\` serves it), **cypher** (the same question as hand-written Cypher, bench/cypher/,
  through neo4j-driver behind a bare node:http server, one auto-commit READ transaction a request as the API runs
  them: the floor; its answers are the API's, in the same order, except that its network leaves the list of nodes
  to the client; its statements return maps, as one writes them by hand, where the API's translation returns each
  object as a list of its fields' values and keys it in Node, which the driver decodes at about half the cost),
  and **neo4j-graphql** (@neo4j/graphql's generated API,
  served by graphql-yoga) for the queries it can express: it has no shortest path (alliancePath) and no pairwise
  aggregation (allianceNetwork); its alliesOf lists the allies only, without the shared treaties and \`since\`.
  Targets per scale: the nation with most memberships in force on 1990-06-01, its closest partner, and the nation
  farthest from it within 4 hops. Each query is sent once to check the answer (compared in full with the hand-written
  Cypher's, order included, and by size with @neo4j/graphql's; any difference is listed under the table), once
  more, then loaded untimed for ${WARMUP_SECONDS} s (V8's compiled code, Neo4j's plans and caches warm), then timed in
  ${r.settings.rounds ?? 1} rounds of ${r.settings.seconds} s of load with autocannon (fewer seconds at 10x and 100x),
  the servers taking turns within each round, a different one first each time, so that a burst of other work on
  the shared machine falls on all of them. A turn starts only once Neo4j and the servers are idle (under a tenth
  of a core for half a second), so that work left by the turn before (statements still running after autocannon
  stops, as the peer's slowest do for a second or more, and garbage to collect) is not counted against the next
  server. Every figure is the median over the rounds. Both GraphQL servers run with
  NODE_ENV=production, as \`npm start\` runs Entente. The API runs with its default limits, except a 60 s query
  timeout so that the 100x network has time to finish (the client waits 90 s). All three ask Neo4j for no
  notifications, as Entente's Graph does (none of them reads them).
- **Peak RSS**: VmHWM of each server process over its scale's run.
- **CPU per request**: the user and system time of the server's process and of Neo4j's (/proc/PID/stat) over each
  timed round, divided by the answers in it; the median over the rounds. Neo4j's figure includes whatever it does
  in the background meanwhile.

${table}
`;
}
