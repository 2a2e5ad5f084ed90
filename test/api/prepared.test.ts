/**
 * Prepared operations (src/api/plugins/use-prepared-operations.ts): an operation text seen before skips the
 * pipeline up to execution. Each request below is sent twice to the same API, over the seeded graph; the
 * second must get exactly the first's answer (status, content type, body), and must have skipped the pipeline
 * when the first reached execution. Answers, errors with suggestions, masked errors, a database that is down,
 * batches, GET, and the checks that must still refuse a known operation's text with bad parameters.
 */
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/api/plugins/limits.ts';
import { createApi } from '../../src/api/yoga.ts';
import { Graph } from '../../src/graph/graph.ts';
import { NATION_QUERY, PATH_QUERY } from '../../web/src/queries.ts';
import { ANALYST_QUERY } from '../hardening/analyst-query.ts';
import { seedTestDatabase, testGraph, testLogin } from '../support/graph.ts';

const TODAY = '2026-11-29';
const graph = testGraph();

interface Request {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** For GET: the query string after `?`. */
  search?: string;
  accept?: string;
}

/** An API that counts how many requests reached the pipeline's execution step. */
function countingApi(g: Graph, limits: Partial<typeof DEFAULT_LIMITS> = {}) {
  const counter = { executions: 0 };
  const count: Plugin = {
    onExecute() {
      counter.executions += 1;
    },
  };
  // Batches allowed (off by default), so that a batch's operations can be prepared too.
  const api = createApi({ graph: g, today: TODAY, plugins: [count], prepare: true, limits: { ...DEFAULT_LIMITS, maxBatch: 10, ...limits } });
  const send = async (request: Request) => {
    const response = await api.fetch(`http://entente.test/graphql${request.search ? `?${request.search}` : ''}`, {
      method: request.method ?? 'POST',
      headers: {
        accept: request.accept ?? 'application/graphql-response+json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body) }),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };
  return { counter, send };
}

/** Sends `request` twice; returns both answers and how many executions each went through the pipeline for. */
async function twice(api: ReturnType<typeof countingApi>, request: Request) {
  const before = api.counter.executions;
  const first = await api.send(request);
  const between = api.counter.executions;
  const second = await api.send(request);
  return { first, second, firstExecuted: between - before, secondExecuted: api.counter.executions - between };
}

beforeAll(async () => {
  await seedTestDatabase(graph);
});
afterAll(() => graph.close());

describe('an operation sent again', () => {
  const api = countingApi(graph);

  // Each text is new to the API; the numbers are how many operations each of the two requests ran through the
  // pipeline: the first request's operations do, the second's are prepared.
  it.each([
    ['an analyst query', { body: { query: ANALYST_QUERY } }, [1, 0]],
    ['the nation panel', { body: { query: NATION_QUERY, variables: { code: 'PRK', asOf: '2024-12-31' } } }, [1, 0]],
    ['the path, as application/json', { body: { query: PATH_QUERY, variables: { from: 'SWE', to: 'JPN', asOf: '2024-12-31' } }, accept: 'application/json' }, [1, 0]],
    ['unknown codes and a bad argument', { body: { query: '{ nation(code: "XXX") { code } alliancePath(from: "PRK", to: "USA", maxHops: 99) { nations { code } } treaties(first: -1) { totalCount } }' } }, [1, 0]],
    ['a bad date in the variables', { body: { query: 'query($code: ID!, $asOf: Date) { nation(code: $code) { leaders(asOf: $asOf) { office } } }', variables: { code: 'RUS', asOf: '2024-13-45' } } }, [1, 0]],
    ['a misspelt enum value in the variables (its suggestion hidden)', { body: { query: 'query($o: [Obligation!]) { alliesOf(code: "PRK", obligations: $o) { nation { code } } }', variables: { o: ['DEFENCE'] } } }, [1, 0]],
    ['one of two operations, by name', { body: { query: 'query A { __typename } query B { nation(code: "PRK") { name } }', operationName: 'B' } }, [1, 0]],
    ['a GET', { method: 'GET' as const, search: `query=${encodeURIComponent('{ nation(code: "USA") { name } }')}` }, [1, 0]],
    ['a batch', { body: [{ query: '{ nation(code: "RUS") { name } }' }, { query: '{ nation(code: "UKR") { name } }' }] }, [2, 0]],
  ])('gets the same answer: %s', async (_name, request: Request, executed) => {
    const { first, second, firstExecuted, secondExecuted } = await twice(api, request);
    expect(first.status).toBeLessThan(500);
    expect(second).toEqual(first);
    expect(first.body).not.toMatch(/Did you mean/);
    expect([firstExecuted, secondExecuted]).toEqual(executed);
  });

  it('answers an operation name the text lacks as before, once the text is prepared', async () => {
    const query = 'query C { __typename } query D { nation(code: "KOR") { name } }';
    const before = await twice(api, { body: { query, operationName: 'E' } });
    expect(before.second).toEqual(before.first);
    expect(before.first.body).toMatch(/Unknown operation named \\"E\\"|operation/);
    await api.send({ body: { query, operationName: 'D' } });
    const after = await twice(api, { body: { query, operationName: 'E' } });
    expect([after.firstExecuted, after.secondExecuted]).toEqual([0, 0]);
    expect(after.first).toEqual(before.first);
    expect(after.second).toEqual(before.first);
  });

  it('with new variables, answers for them', async () => {
    const query = 'query($code: ID!) { nation(code: $code) { code } }';
    const before = api.counter.executions;
    for (const code of ['RUS', 'PRK', 'USA']) {
      const answer = await api.send({ body: { query, variables: { code } } });
      expect(JSON.parse(answer.body)).toEqual({ data: { nation: { code } } });
    }
    expect(api.counter.executions - before).toBe(1);
  });

  it('is still refused for parameters yoga refuses: variables as a string, an unknown parameter', async () => {
    await api.send({ body: { query: '{ __typename }' } });
    for (const body of [{ query: '{ __typename }', variables: '{"a":1}' }, { query: '{ __typename }', extra: 1 }]) {
      const { first, second } = await twice(api, { body });
      expect(first.status).toBe(400);
      expect(second).toEqual(first);
    }
  });

  it('is never a mutation by GET, nor anything validation refuses', async () => {
    for (const query of ['mutation { x }', '{ nation(code: "PRK") { nam } }']) {
      const { first, second, firstExecuted, secondExecuted } = await twice(api, { body: { query } });
      expect(first.status).toBe(400);
      expect(second).toEqual(first);
      expect(firstExecuted + secondExecuted).toBe(0);
    }
  });
});

describe('an operation sent again, over a request limit', () => {
  it('is refused again: the Cypher budget is each request\'s own', async () => {
    const api = countingApi(graph, { maxCypherChars: 1_000 });
    const query = `{ ${['USA', 'RUS', 'PRK', 'CHN', 'JPN', 'SWE'].map((code) => `${code}: nation(code: "${code}") { name treaties { id name } }`).join(' ')} }`;
    const { first, second, firstExecuted, secondExecuted } = await twice(api, { body: { query } });
    expect(first.body).toContain('QUERY_TOO_COMPLEX');
    expect(JSON.parse(first.body).data.USA).not.toBeNull();
    expect(second).toEqual(first);
    expect([firstExecuted, secondExecuted]).toEqual([1, 0]);
  });
});

describe('an operation sent again, when the database fails', () => {
  it('masks an unexpected error the same way both times', async () => {
    let fail = false;
    const faulty = Object.create(graph) as Graph;
    const check = async () => {
      if (fail) throw new Error('Neo4jError: MATCH (n) secret detail');
    };
    faulty.read = (name, params) => check().then(() => graph.read(name, params));
    faulty.readText = (text, params) => check().then(() => graph.readText(text, params));
    const api = countingApi(faulty);
    await api.send({ body: { query: '{ nation(code: "PRK") { name } }' } });
    fail = true;
    const { first, second } = await twice(api, { body: { query: '{ nation(code: "PRK") { name } }' } });
    expect(second).toEqual(first);
    expect(first.body).toContain('Unexpected error.');
    expect(first.body).not.toMatch(/secret|MATCH|Neo4jError/);
  });

  it('says the database is unavailable the same way both times', async () => {
    const down = new Graph({ ...testLogin(), uri: 'bolt://127.0.0.1:9', connectionTimeoutMs: 1_000 });
    try {
      const api = countingApi(down);
      const { first, second, firstExecuted, secondExecuted } = await twice(api, { body: { query: '{ nation(code: "PRK") { name } }' } });
      expect(second).toEqual(first);
      expect(first.body).toContain('DATABASE_UNAVAILABLE');
      expect([firstExecuted, secondExecuted]).toEqual([1, 0]);
    } finally {
      await down.close();
    }
  });
});
