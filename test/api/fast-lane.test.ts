/**
 * The fast lane (src/api/fast-lane.ts): over real HTTP, against the seeded graph, each request is sent twice
 * with exactly the headers given (node:http, nothing added). The first time its text is new and yoga answers;
 * the second time the lane may. The two answers must be the same: status, every header but Date, body. The
 * cases also say which requests the lane takes: yoga's own `onRequest` hook counts the requests yoga saw.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/api/plugins/limits.ts';
import { startServer, type RunningServer } from '../../src/api/server.ts';
import type { Graph } from '../../src/graph/graph.ts';
import { NATION_QUERY } from '../../web/src/queries.ts';
import { ANALYST_QUERY } from '../hardening/analyst-query.ts';
import { seedTestDatabase, testGraph } from '../support/graph.ts';

const graph = testGraph();
const counts = { yoga: 0, reads: 0 };
let server: RunningServer;

/** The real graph, counting the statements the API sends it. */
function countingGraph(real: Graph): Graph {
  const counting = Object.create(real) as Graph;
  counting.readText = (text, params) => {
    counts.reads += 1;
    return real.readText(text, params);
  };
  return counting;
}

const seeYoga: Plugin = {
  onRequest() {
    counts.yoga += 1;
  },
};

interface Raw {
  path?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request with exactly these headers (and Host, Connection, Content-Length unless given) on a new connection. */
function send({ path = '/graphql', headers = {}, body }: Raw): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
        const kept = Object.entries(res.headers).filter(([name]) => name !== 'date').map(([name, value]) => [name, String(value)]);
        resolve({ status: res.statusCode!, headers: Object.fromEntries(kept.sort()), body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends `raw` twice; the two answers and how many requests yoga saw and statements the graph ran for each. */
async function twice(raw: Raw) {
  const before = { ...counts };
  const first = await send(raw);
  const between = { ...counts };
  const second = await send(raw);
  return {
    first,
    second,
    yoga: [between.yoga - before.yoga, counts.yoga - between.yoga],
    reads: [between.reads - before.reads, counts.reads - between.reads],
  };
}

const JSON_TYPE = { 'content-type': 'application/json' };
let fresh = 0;
/** A text the API has not seen: each case gets its own, so that its first request goes the whole way. */
const newText = (query: string) => `${query} # case ${(fresh += 1)}`;

beforeAll(async () => {
  await seedTestDatabase(graph);
  server = await startServer({
    graph: countingGraph(graph),
    port: 0,
    webDir: '/nonexistent',
    today: '2026-11-29',
    limits: { ...DEFAULT_LIMITS, maxBodyBytes: 4_000 },
    plugins: [seeYoga],
    prepare: true,
  });
});
afterAll(async () => {
  await server.close();
  await graph.close();
});

describe('the fast lane', () => {
  const analyst = () => JSON.stringify({ query: newText(ANALYST_QUERY) });
  const nation = (variables: Record<string, unknown>) => JSON.stringify({ query: newText(NATION_QUERY), variables });

  it.each<[string, () => Raw]>([
    ['an analyst query, no Accept', () => ({ headers: JSON_TYPE, body: analyst() })],
    ['Accept: */*', () => ({ headers: { ...JSON_TYPE, accept: '*/*' }, body: analyst() })],
    ['Accept: application/json', () => ({ headers: { ...JSON_TYPE, accept: 'application/json' }, body: analyst() })],
    ['Accept: application/graphql-response+json', () => ({ headers: { ...JSON_TYPE, accept: 'application/graphql-response+json' }, body: analyst() })],
    ['the dashboard\'s Accept', () => ({ headers: { ...JSON_TYPE, accept: 'application/graphql-response+json, application/json' }, body: analyst() })],
    ['a page\'s request: Origin (CORS headers)', () => ({ headers: { ...JSON_TYPE, origin: 'https://analyst.example' }, body: analyst() })],
    ['Content-Type with a charset', () => ({ headers: { 'content-type': 'application/json; charset=UTF-8' }, body: analyst() })],
    ['variables and a null operationName', () => ({ headers: JSON_TYPE, body: JSON.stringify({ query: newText(NATION_QUERY), variables: { code: 'PRK', asOf: '2024-12-31' }, operationName: null, extensions: {} }) })],
    ['one of two operations, by name', () => ({ headers: JSON_TYPE, body: JSON.stringify({ query: newText('query A { __typename } query B { nation(code: "PRK") { name } }'), operationName: 'B' }) })],
  ])('takes %s, and answers as yoga did', async (_name, make) => {
    const { first, second, yoga } = await twice(make());
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toHaveProperty('data');
    expect(second).toEqual(first);
    expect(yoga).toEqual([1, 0]);
  });

  it.each<[string, () => Raw]>([
    ['Accept that only yoga negotiates', () => ({ headers: { ...JSON_TYPE, accept: 'application/json, text/plain, */*' }, body: analyst() })],
    ['Accept it cannot meet', () => ({ headers: { ...JSON_TYPE, accept: 'text/html' }, body: analyst() })],
    ['a query string', () => ({ path: '/graphql?debug=1', headers: JSON_TYPE, body: analyst() })],
    ['another content type', () => ({ headers: { 'content-type': 'application/graphql+json' }, body: analyst() })],
    ['no Content-Length (chunked)', () => ({ headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' }, body: analyst() })],
    ['a body over the limit', () => ({ headers: JSON_TYPE, body: JSON.stringify({ query: newText(`${' '.repeat(4_000)}{ __typename }`) }) })],
    ['a compressed body', () => ({ headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: analyst() })],
  ])('leaves to yoga %s, which answers alike both times', async (_name, make) => {
    const { first, second, yoga } = await twice(make());
    expect(second).toEqual(first);
    expect(yoga).toEqual([1, 1]);
  });

  it.each<[string, () => Raw]>([
    ['an unknown parameter', () => ({ headers: JSON_TYPE, body: JSON.stringify({ query: '{ __typename }', extra: 1 }) })],
    ['variables as a string', () => ({ headers: JSON_TYPE, body: JSON.stringify({ query: '{ __typename }', variables: '{}' }) })],
    ['an operation name the text lacks', () => ({ headers: JSON_TYPE, body: JSON.stringify({ query: '{ __typename }', operationName: 'Missing' }) })],
    ['a batch', () => ({ headers: JSON_TYPE, body: JSON.stringify([{ query: '{ __typename }' }]) })],
    ['a body that is not JSON', () => ({ headers: JSON_TYPE, body: '{"query": "{ __typename }"' })],
    ['a byte-order mark before the JSON', () => ({ headers: JSON_TYPE, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ query: '{ __typename }' }))]) })],
  ])('reads the body of %s and hands it to yoga, which answers alike both times', async (_name, make) => {
    await send({ headers: JSON_TYPE, body: JSON.stringify({ query: '{ __typename }' }) });
    const { first, second, yoga } = await twice(make());
    expect(second).toEqual(first);
    expect(yoga).toEqual([1, 1]);
  });

  it('gives an answer with errors to yoga to send, without running the operation again', async () => {
    const query = newText('{ nation(code: "USA") { name } alliancePath(from: "PRK", to: "USA", maxHops: 99) { nations { code } } }');
    const { first, second, yoga, reads } = await twice({ headers: { ...JSON_TYPE, accept: 'application/graphql-response+json' }, body: JSON.stringify({ query }) });
    expect(JSON.parse(first.body)).toMatchObject({ data: { nation: { name: expect.any(String) }, alliancePath: null }, errors: [expect.anything()] });
    expect(second).toEqual(first);
    expect(yoga).toEqual([1, 1]);
    expect(reads[1]).toBe(reads[0]);
  });

  it('gives yoga a bad variable\'s answer, with its status', async () => {
    const { first, second, yoga } = await twice({ headers: JSON_TYPE, body: nation({ code: 'PRK', asOf: '2024-13-45' }) });
    expect(first.status).toBe(400);
    expect(first.body).toContain('there is no month 13');
    expect(second).toEqual(first);
    expect(yoga).toEqual([1, 1]);
  });

  it('outlives clients that hang up before their answer, or halfway through their body', async () => {
    const body = analyst();
    await send({ headers: JSON_TYPE, body });
    const { hostname, port } = new URL(server.url);
    for (let i = 0; i < 10; i += 1) {
      const socket = connect(Number(port), hostname);
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      const sent = i % 2 === 0 ? body : body.slice(0, body.length / 2);
      socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${sent}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await send({ headers: JSON_TYPE, body });
    expect(after.status).toBe(200);
  });

  it('answers each request for its own variables', async () => {
    const query = newText('query($code: ID!) { nation(code: $code) { code } }');
    for (const code of ['RUS', 'PRK', 'USA', 'XXX']) {
      const answer = await send({ headers: JSON_TYPE, body: JSON.stringify({ query, variables: { code } }) });
      expect(JSON.parse(answer.body)).toEqual({ data: { nation: code === 'XXX' ? null : { code } } });
    }
  });
});
