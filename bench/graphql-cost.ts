/**
 * What serving GraphQL costs before any database is asked: one constant answer (treatiesBetween's, five
 * treaties) from a bare node:http server and from graphql-yoga as it comes (a one-field schema whose resolver
 * returns the constant), each in a process of its own, under the load `npm run bench` puts on its servers.
 * The difference in CPU per request is what graphql-yoga as it comes adds to an API it serves, before the API
 * reads a query or asks a database: the scale of what separates a GraphQL API from hand-written Cypher behind
 * node:http (the benchmark's floor) when both share the machine's cores with Neo4j and the load generator.
 *
 *   npm run bench:graphql-cost [-- --seconds 4 --rounds 5 --connections 4 --no-write]
 *
 * Writes "## GraphQL's own cost" in BENCHMARKS.md unless --no-write. No database, about a minute.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startChildServer } from './child.ts';
import { postLoad } from './post-load.ts';
import { writeSection } from './report.ts';
import { cpuMs, median, percentile } from './stats.ts';

type Kind = 'node:http' | 'graphql-yoga';
const KINDS: readonly Kind[] = ['node:http', 'graphql-yoga'];

/** The request the benchmark sends Entente for treatiesBetween, and an answer of the size it gets back. */
const QUERY = 'query($a: ID!, $b: ID!) { treatiesBetween(a: $a, b: $b) { id name signedOn } }';
const BODY = JSON.stringify({ query: QUERY, variables: { a: 'USA', b: 'GBR' } });
const TREATIES = Array.from({ length: 5 }, (_, i) => ({ id: `treaty-${i + 1}`, name: `Treaty of Example ${i + 1}`, signedOn: `19${50 + i}-0${i + 1}-1${i}` }));

/** Serves the constant answer on a free loopback port; prints `{"url": ...}` once listening. */
async function serve(kind: Kind): Promise<void> {
  // As `npm start` serves: graphql-js without its development checks (graphql is first imported below).
  await import('../src/cli/production.ts');
  let server: Server;
  if (kind === 'node:http') {
    const answer = JSON.stringify({ data: { treatiesBetween: TREATIES } });
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
        JSON.parse(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
      });
    });
  } else {
    const { createSchema, createYoga } = await import('graphql-yoga');
    const schema = createSchema({
      typeDefs: 'type Query { treatiesBetween(a: ID!, b: ID!): [Treaty!]! } type Treaty { id: ID! name: String! signedOn: String }',
      resolvers: { Query: { treatiesBetween: () => TREATIES } },
    });
    const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false });
    server = createServer(yoga);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })}\n`);
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

interface Running {
  kind: Kind;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function start(kind: Kind): Promise<Running> {
  const server = await startChildServer(kind, [import.meta.filename, 'serve', kind]);
  return { kind, url: server.url, pid: server.child.pid!, stop: server.stop };
}

interface Round {
  p50: number;
  throughput: number;
  cpuUs: number;
}

async function timedRound(server: Running, connections: number, seconds: number): Promise<Round> {
  const before = cpuMs(server.pid);
  const { times, failures, duration } = await postLoad({ url: server.url, body: BODY, connections, seconds });
  if (failures > 0) throw new Error(`${server.kind}: ${failures} errors, timeouts or answers other than 200`);
  return { p50: percentile(times, 50), throughput: times.length / duration, cpuUs: ((cpuMs(server.pid) - before) * 1000) / times.length };
}

function section(rows: { kind: Kind; p50: number; throughput: number; cpuUs: number; cpuRange: string }[], settings: { connections: number; seconds: number; rounds: number }): string {
  const [bare, yoga] = rows;
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `## GraphQL's own cost

\`npm run bench:graphql-cost\` (bench/graphql-cost.ts), ${new Date().toISOString().slice(0, 10)}, on ${os.cpus().length} × ${cpu}, Node ${process.version}: one
constant answer (treatiesBetween's, five treaties) to the request the benchmark sends Entente, from a bare node:http server and from
graphql-yoga as it comes (a one-field schema, NODE_ENV=production), each in its own process, no database. autocannon,
${settings.connections} connections on loopback, ${settings.rounds} rounds of ${settings.seconds} s, the servers taking turns; medians over the rounds.

| server | p50 ms | req/s | CPU µs a request (range over the rounds) |
|---|---|---|---|
${rows.map((r) => `| ${r.kind} | ${r.p50.toFixed(2)} | ${Math.round(r.throughput)} | ${Math.round(r.cpuUs)} (${r.cpuRange}) |`).join('\n')}

graphql-yoga as it comes, answering from memory, spends **${Math.round(yoga!.cpuUs - bare!.cpuUs)} µs** more CPU a request than node:http, before
any API code reads a query or asks a database. That is what an API trails hand-written Cypher behind node:http by (the floor
under "## Queries") when yoga serves every request. Entente's server answers the plain POST of an operation it has admitted
straight from node:http (src/api/fast-lane.ts), so on the timed requests its extra over the floor, the column
"entente − cypher, server CPU" under "## Queries", is its own GraphQL execution, translation and completion.
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '4' },
      rounds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '4' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const settings = { seconds: Number(values.seconds), rounds: Number(values.rounds), connections: Number(values.connections) };
  const servers = await Promise.all(KINDS.map(start));
  try {
    // Untimed first: V8's compiled code warm, as in `npm run bench`.
    for (const s of servers) await timedRound(s, settings.connections, 2);
    const rounds = new Map<Kind, Round[]>(KINDS.map((k) => [k, []]));
    for (let r = 0; r < settings.rounds; r += 1) {
      for (let i = 0; i < servers.length; i += 1) {
        const s = servers[(i + r) % servers.length]!;
        const round = await timedRound(s, settings.connections, settings.seconds);
        rounds.get(s.kind)!.push(round);
        console.log(`round ${r + 1} ${s.kind.padEnd(13)} p50 ${round.p50.toFixed(2)} ms, ${Math.round(round.throughput)} req/s, ${Math.round(round.cpuUs)} µs CPU a request`);
      }
    }
    const rows = KINDS.map((kind) => {
      const rs = rounds.get(kind)!;
      const cpus = rs.map((x) => x.cpuUs);
      return { kind, p50: median(rs.map((x) => x.p50)), throughput: median(rs.map((x) => x.throughput)), cpuUs: median(cpus), cpuRange: `${Math.round(Math.min(...cpus))}-${Math.round(Math.max(...cpus))}` };
    });
    const text = section(rows, settings);
    console.log(`\n${text}`);
    if (!values['no-write']) {
      writeSection(text);
      console.log('written to BENCHMARKS.md');
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

if (process.argv[2] === 'serve') await serve(process.argv[3] as Kind);
else await main();
