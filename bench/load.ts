/**
 * The load test: the contract's queries (every root field, and the dashboard's own operations) against the
 * API in a process of its own, over loopback, at 50 concurrent connections for 60 s, on a throwaway Neo4j
 * holding the seeds. It fails unless every answer is a 200 without GraphQL errors and the server's peak
 * resident memory stays within the stated bound; the results go into BENCHMARKS.md under "## Load".
 *
 *   npm run bench:load [-- --connections 50 --duration 60 --max-rss-mib 512 --no-write]
 *
 * Not part of `npm test`: it takes a minute and a half.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Graph } from '../src/graph/graph.ts';
import { applySchema } from '../src/graph/schema.ts';
import { startThrowawayNeo4j } from '../src/runtime/index.ts';
import { REPO_ROOT } from '../src/runtime/paths.ts';
import { loadSeeds } from '../src/seeds/load.ts';
import { SEEDS_DIR } from '../src/seeds/paths.ts';
import { networkQuery } from '../src/export/network.ts';
import * as dashboard from '../web/src/queries.ts';
import { startServerProcess, type ServerProcess } from '../test/support/server.ts';
import { writeSection } from './report.ts';
import { percentile } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    'max-rss-mib': { type: 'string', default: '512' },
    'warmup-seconds': { type: 'string', default: '10' },
    'no-write': { type: 'boolean', default: false },
  },
});
const CONNECTIONS = Number(args.connections);
const DURATION_S = Number(args.duration);
const MAX_RSS_MIB = Number(args['max-rss-mib']);
const WARMUP_S = Number(args['warmup-seconds']);

interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Every root field of src/api/schema.graphql once, and each operation the dashboard sends. */
const OPERATIONS: Operation[] = [
  { name: 'nation', query: '{ nation(code: "PRK") { code name region periods { from to } treaties { id name } } }' },
  { name: 'nations', query: '{ nations(filter: { region: "Europe & Central Asia" }, first: 50) { totalCount edges { cursor node { code name } } pageInfo { hasNextPage endCursor } } }' },
  { name: 'treaty', query: '{ treaty(id: "north-atlantic-treaty") { id name status parties { nation { code } inForceFrom leftOn } provisions { article obligation } } }' },
  { name: 'treaties', query: '{ treaties(filter: { inForceOn: "2024-07-01", obligation: DEFENSE }, first: 20) { totalCount edges { node { id name signedOn } } } }' },
  { name: 'leader', query: '{ leader(id: "kim-jong-un") { id name tenures { office from to nation { code } } } }' },
  { name: 'organization', query: '{ organization(id: "nato") { id name members(asOf: "2024-07-01") { nation { code } from } } }' },
  { name: 'organizations', query: '{ organizations { id name kind } }' },
  { name: 'search', query: '{ search(text: "korea", first: 10) { kind id name score } }' },
  { name: 'alliesOf', query: '{ alliesOf(code: "USA", asOf: "2024-07-01") { nation { code name } obligations treaties { id } } }' },
  { name: 'defendersOf', query: '{ defendersOf(code: "PRK", asOf: "2024-07-01") { nation { code } provisions { article treaty { id } } } }' },
  { name: 'treatiesBetween', query: '{ treatiesBetween(a: "RUS", b: "PRK") { id name signedOn } }' },
  { name: 'alliancePath', query: '{ alliancePath(from: "PRK", to: "USA", asOf: "2024-07-01", maxHops: 6) { nations { code } hops { treaty { id } obligations } } }' },
  { name: 'allianceNetwork', query: '{ allianceNetwork(asOf: "2024-07-01") { nodes { code } edges { a { code } b { code } obligations } } }' },
  { name: 'timeline', query: '{ timeline(code: "PRK") { date kind summary } }' },
  { name: 'dashboard nation', query: dashboard.NATION_QUERY, variables: { code: 'PRK', asOf: '2024-07-01' } },
  { name: 'dashboard treaty', query: dashboard.TREATY_QUERY, variables: { id: 'russia-dprk-2024', asOf: '2024-07-01' } },
  { name: 'dashboard leader', query: dashboard.LEADER_QUERY, variables: { id: 'vladimir-putin' } },
  { name: 'dashboard search', query: dashboard.SEARCH_QUERY, variables: { text: 'nato' } },
  { name: 'dashboard path', query: dashboard.PATH_QUERY, variables: { from: 'PRK', to: 'USA', asOf: '2024-07-01' } },
  { name: 'dashboard organization', query: dashboard.ORGANIZATION_QUERY, variables: { id: 'nato', asOf: '2024-07-01' } },
  { name: 'dashboard network', query: networkQuery({ sourceArg: 'source' }), variables: { asOf: '2024-07-01', source: 'seeds' } },
];

/** The part of autocannon's API this script uses (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}
interface AutocannonInstance extends Promise<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

interface Run {
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  transportErrors: number;
  non2xx: number;
  graphqlErrors: number;
  peakRssMiB: number;
  baseRssMiB: number;
}

async function fire(server: ServerProcess, connections: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const requests = OPERATIONS.map((op) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: op.query, ...(op.variables ? { variables: op.variables } : {}) }),
    onResponse: (_status: number, body: string) => {
      if (body.includes('"errors"')) {
        graphqlErrors += 1;
        if (graphqlErrors <= 3) console.error(`${op.name}: ${body.slice(0, 300)}`);
      }
    },
  }));
  const baseRssMiB = rssMiB(server.pid);
  let peakRssMiB = baseRssMiB;
  const sampler = setInterval(() => {
    peakRssMiB = Math.max(peakRssMiB, rssMiB(server.pid));
  }, 200);
  const instance = autocannon({ url: server.url, connections, duration: seconds, requests, timeout: 30, renderProgressBar: false });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  clearInterval(sampler);
  peakRssMiB = Math.max(peakRssMiB, rssMiB(server.pid));
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    throughput: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    transportErrors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    peakRssMiB,
    baseRssMiB,
  };
}

function section(run: Run, passed: boolean, loadBefore: number[]): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const when = new Date().toISOString().slice(0, 10);
  return `## Load

\`npm run bench:load\` (bench/load.ts): the API in its own process on 127.0.0.1, ${CONNECTIONS} concurrent connections for ${DURATION_S} s
(after a ${WARMUP_S} s warm-up at 5 connections), cycling through ${OPERATIONS.length} operations: every root field of the schema once and the
dashboard's seven operations (web/src/queries.ts, the network query of src/export/network.ts). Database: a throwaway Neo4j
(the test instance's settings: 512 MiB heap, C1 compiler only) holding the seeds, on the same machine. Default limits
(query timeout 10 s, at most 8 reads in Neo4j at once). Pass criteria: zero transport errors, zero non-2xx answers, zero GraphQL errors, and the server's
peak resident memory at most ${MAX_RSS_MIB} MiB.

Run ${when} on ${os.cpus().length} × ${cpu}, Node ${process.version}, the machine's load average just before the run at ${loadBefore.map((l) => l.toFixed(1)).join(' / ')}
(1 / 5 / 15 min; other work shares the cores): **${passed ? 'passed' : 'FAILED'}**.

| measure | value |
|---|---|
| requests | ${run.requests} |
| throughput | ${run.throughput.toFixed(0)} requests/s |
| latency p50 | ${run.p50.toFixed(0)} ms |
| latency p95 | ${run.p95.toFixed(0)} ms |
| latency p99 | ${run.p99.toFixed(0)} ms |
| latency max | ${run.max.toFixed(0)} ms |
| transport errors and timeouts | ${run.transportErrors} |
| non-2xx answers | ${run.non2xx} |
| answers with GraphQL errors | ${run.graphqlErrors} |
| server RSS before the run | ${run.baseRssMiB.toFixed(0)} MiB |
| server peak RSS | ${run.peakRssMiB.toFixed(0)} MiB (bound: ${MAX_RSS_MIB} MiB) |
`;
}

const dir = path.join(REPO_ROOT, '.neo4j-test', `bench-load-${randomBytes(4).toString('hex')}`);
const neo4j = await startThrowawayNeo4j({ dir });
let server: ServerProcess | undefined;
let exitCode = 1;
try {
  const graph = new Graph({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    await applySchema(graph);
    await loadSeeds(graph, { dir: SEEDS_DIR });
  } finally {
    await graph.close();
  }
  server = await startServerProcess(neo4j);
  console.log(`warming up for ${WARMUP_S} s at 5 connections`);
  const warm = await fire(server, 5, WARMUP_S);
  console.log(`warm-up: ${warm.requests} requests, ${warm.graphqlErrors} with GraphQL errors`);
  console.log(`loading: ${CONNECTIONS} connections for ${DURATION_S} s over ${OPERATIONS.length} operations`);
  const loadBefore = os.loadavg();
  const run = await fire(server, CONNECTIONS, DURATION_S);
  const passed = run.transportErrors === 0 && run.non2xx === 0 && run.graphqlErrors === 0 && run.peakRssMiB <= MAX_RSS_MIB && server.alive();
  const text = section(run, passed, loadBefore);
  console.log(text);
  if (!args['no-write']) {
    writeSection(text);
    console.log('written to BENCHMARKS.md');
  }
  exitCode = passed ? 0 : 1;
} finally {
  await server?.stop();
  await neo4j.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
