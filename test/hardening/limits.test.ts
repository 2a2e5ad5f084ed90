/**
 * The limits of src/api/plugins/limits.ts against the live server: the dashboard's queries and a large
 * analyst query pass with the defaults; each limit refuses what exceeds it with its own code; the query
 * timeout is enforced by Neo4j itself; and each limit follows its environment variable (src/config.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { DEFAULT_LIMITS, LIMIT_VARIABLES } from '../../src/api/plugins/limits.ts';
import { buildSchema } from '../../src/api/schema.ts';
import { graphOptions, loadConfig, loadLimits } from '../../src/config.ts';
import { detectCapabilities, networkQuery } from '../../src/export/network.ts';
import * as dashboard from '../../web/src/queries.ts';
import { seedTestDatabase, testGraph, testLogin } from '../support/graph.ts';
import { query, send, startServerProcess, type HttpAnswer, type ServerProcess } from '../support/server.ts';
import { ANALYST_QUERY, DEEPEST_PATH_QUERY } from './analyst-query.ts';

const graph = testGraph();
let server: ServerProcess;

beforeAll(async () => {
  await seedTestDatabase(graph);
  // A cold test Neo4j (C1 compiler only, two cores) plans and compiles the analyst query's 19 new shapes at
  // once in about 12 s, which the default 10 s timeout would count; the timeout has its own test below.
  server = await startServerProcess(testLogin(), { env: { ENTENTE_QUERY_TIMEOUT_MS: '30000' } });
});
afterAll(async () => {
  await server?.stop();
  await graph.close();
});

const codes = (answer: HttpAnswer) => (answer.json?.errors ?? []).map((e) => e.extensions?.code);
const LIMIT_CODES = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'QUERY_TOO_COSTLY', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS', 'REQUEST_TOO_LARGE', 'QUERY_TOO_COMPLEX'];

describe('the limits read from the environment', () => {
  const noFile = { envFile: undefined };

  it('are the documented defaults when nothing is set', () => {
    expect(loadLimits({}, noFile)).toEqual(DEFAULT_LIMITS);
  });

  it('follow every variable', () => {
    const limits = loadLimits({
      ENTENTE_MAX_DEPTH: '7', ENTENTE_MAX_ALIASES: '5', ENTENTE_MAX_TOKENS: '300', ENTENTE_MAX_COST: '900',
      ENTENTE_MAX_DIRECTIVES: '2', ENTENTE_MAX_CYPHER_CHARS: '5000', ENTENTE_QUERY_TIMEOUT_MS: '2500', ENTENTE_MAX_CONCURRENT_QUERIES: '3',
      ENTENTE_QUEUE_TIMEOUT_MS: '4000', ENTENTE_MAX_BODY_BYTES: '4096',
      ENTENTE_INTROSPECTION: 'off', ENTENTE_BATCHING: '3', ENTENTE_READY_TIMEOUT_MS: '900',
    }, noFile);
    expect(limits).toEqual({
      maxDepth: 7, maxAliases: 5, maxTokens: 300, maxCost: 900, maxDirectives: 2, maxCypherChars: 5000, queryTimeoutMs: 2500,
      maxConcurrentQueries: 3, queueTimeoutMs: 4000, maxBodyBytes: 4096, introspection: false, maxBatch: 3, readyTimeoutMs: 900,
    });
    expect(Object.keys(LIMIT_VARIABLES).sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort());
  });

  it('switch introspection off in production unless ENTENTE_INTROSPECTION says otherwise', () => {
    expect(loadLimits({ NODE_ENV: 'production' }, noFile).introspection).toBe(false);
    expect(loadLimits({ NODE_ENV: 'production', ENTENTE_INTROSPECTION: 'on' }, noFile).introspection).toBe(true);
    expect(loadLimits({ NODE_ENV: 'development' }, noFile).introspection).toBe(true);
  });

  it('report every bad value at once, naming the variables', () => {
    expect(() => loadLimits({ ENTENTE_MAX_DEPTH: 'deep', ENTENTE_INTROSPECTION: 'maybe', ENTENTE_BATCHING: 'lots' }, noFile)).toThrow(
      'The configuration is invalid (ENTENTE_MAX_DEPTH must be a number; ENTENTE_INTROSPECTION must be on or off; ENTENTE_BATCHING must be off, on (10 operations) or the most operations a batch may hold): fix it in the environment or in .env.',
    );
  });

  it('give the database connection the query timeout, so Neo4j enforces it', () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'x', ENTENTE_QUERY_TIMEOUT_MS: '1234' }, noFile);
    expect(config.limits.queryTimeoutMs).toBe(1234);
    expect(graphOptions(config).readTimeoutMs).toBe(1234);
  });
});

describe('legitimate queries pass the default limits', () => {
  const variables = { code: 'USA', id: 'north-atlantic-treaty', text: 'korea', from: 'PRK', to: 'USA', asOf: '2024-07-01' };
  const operations: [string, string, Record<string, unknown>][] = [
    ...(Object.entries(dashboard) as [string, unknown][])
      .filter((entry): entry is [string, string] => entry[0].endsWith('_QUERY') && typeof entry[1] === 'string')
      .map(([name, text]): [string, string, Record<string, unknown>] => [name, text, name === 'LEADER_QUERY' ? { id: 'vladimir-putin' } : name === 'ORGANIZATION_QUERY' ? { ...variables, id: 'nato' } : variables]),
    ['networkQuery (seeds)', networkQuery({ sourceArg: 'source' }), { asOf: '2024-07-01', source: 'seeds' }],
    ['networkQuery (client filter)', networkQuery({ sourceArg: null }), { asOf: '1961-07-01' }],
  ];

  it.each(operations)('the dashboard: %s', async (_name, text, vars) => {
    const answer = await query(server.url, { query: text, variables: vars });
    expect(answer.json?.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  it('an analyst query 10 levels deep (leaves included) with 19 aliases, answered in full', async () => {
    const answer = await query(server.url, { query: ANALYST_QUERY });
    expect(answer.json?.errors).toBeUndefined();
    const data = answer.json!.data as Record<string, any>;
    expect(data.usa.code).toBe('USA');
    expect(data.usa.treaties.length).toBeGreaterThan(0);
    expect(data.usa.treaties[0].parties[0].nation.treaties[0].provisions).toBeDefined();
    expect(data.rusPrk.map((t: { id: string }) => t.id)).toContain('russia-dprk-2024');
    expect(data.europe.totalCount).toBeGreaterThan(20);
  });

  it('nation > treaties > parties > nation > allies > treaties > provisions > treaty is within every limit', async () => {
    const answer = await query(server.url, { query: DEEPEST_PATH_QUERY });
    expect(codes(answer).filter((code) => LIMIT_CODES.includes(String(code)))).toEqual([]);
    expect(answer.json?.errors).toBeUndefined();
    expect((answer.json!.data as Record<string, any>).nation.treaties.length).toBeGreaterThan(0);
  });

  it('the full introspection query (GraphiQL, codegen) passes while introspection is on', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const answer = await query(server.url, { query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }) });
    expect(answer.json?.errors).toBeUndefined();
  });
});

describe('each limit refuses what exceeds it, with its own code', () => {
  it('depth', async () => {
    const query11 = '{ nation(code: "USA") { treaties { parties { nation { treaties { parties { nation { treaties { parties { nation { code } } } } } } } } } } }';
    const answer = await query(server.url, { query: query11 });
    expect(codes(answer)).toEqual(['QUERY_TOO_DEEP']);
    expect(answer.json!.errors![0]!.message).toBe(
      'The query nests fields 11 levels deep; at most 10 are allowed. Ask for fewer nested levels, or split it into several queries.',
    );
    expect(answer.json!.data).toBeUndefined();
  });

  it('aliases', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: nation(code: "USA") { code }`).join(' ');
    const answer = await query(server.url, { query: `{ ${fields} }` });
    expect(codes(answer)).toEqual(['TOO_MANY_ALIASES']);
    expect(answer.json!.errors![0]!.message).toContain(`The query has ${DEFAULT_LIMITS.maxAliases + 1} aliases; at most ${DEFAULT_LIMITS.maxAliases} are allowed.`);
  });

  it('cost', async () => {
    const page = 'treaties(first: 100) { edges { node { id name parties { nation { code name treaties { id name parties { nation { code name region } } } } } } } }';
    const answer = await query(server.url, { query: `{ ${page} }` });
    expect(codes(answer)).toEqual(['QUERY_TOO_COSTLY']);
    expect(answer.json!.errors![0]!.message).toMatch(/^The query's estimated cost is [\d.]+; at most 20000 is allowed\./);
  });

  it('tokens, while parsing', async () => {
    const answer = await query(server.url, { query: `{ ${'__typename '.repeat(DEFAULT_LIMITS.maxTokens)} }` });
    expect(codes(answer)).toEqual(['TOO_MANY_TOKENS']);
    expect(answer.status).toBe(400);
  });

  it('directives', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxDirectives + 1 }, (_, i) => `t${i}: __typename @include(if: true)`);
    const answer = await query(server.url, { query: `{ ${fields.join(' ')} }` });
    expect(codes(answer)).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  it('the Cypher a request translates to: one fragment spread 28 times, 1.8 KB of query, is refused', async () => {
    // Every field of Treaty with the leaves of its objects: about 8.6 KB of Cypher each time it is spread.
    const treaty = buildSchema().getType('Treaty') as GraphQLObjectType;
    const leaves = (type: GraphQLObjectType) =>
      Object.values(type.getFields()).filter((f) => f.args.length === 0 && isLeafType(getNamedType(f.type))).map((f) => f.name).join(' ');
    const fields = Object.values(treaty.getFields())
      .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
      .map((f) => {
        const named = getNamedType(f.type);
        return isObjectType(named) ? `${f.name} { ${leaves(named)} }` : f.name;
      });
    const spreads = Array.from({ length: 28 }, (_, i) => `t${i}: treaties { ...Everything }`).join(' ');
    const answer = await query(server.url, { query: `{ nation(code: "USA") { ${spreads} } } fragment Everything on Treaty { ${fields.join(' ')} }` });
    expect(codes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.json!.errors![0]!.message).toContain(`more than the ${DEFAULT_LIMITS.maxCypherChars} characters of Cypher a request may have`);
  });

  it.each([
    ['nations(first: 101) { totalCount }', 'Argument "first" must be a whole number from 0 to 100; got 101.'],
    ['search(text: "a", first: 51) { id }', 'Argument "first" must be a whole number from 0 to 50; got 51.'],
    ['alliancePath(from: "USA", to: "PRK", maxHops: 7) { hops { obligations } }', 'Argument "maxHops" must be a whole number from 1 to 6; got 7.'],
  ])('the argument caps: %s', async (field, message) => {
    const answer = await query(server.url, { query: `{ ${field} }` });
    expect(answer.json!.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', message]]);
  });

  it('the cap on first holds when first comes in a variable (which the cost estimate cannot see)', async () => {
    const answer = await query(server.url, { query: 'query($n: Int) { treaties(first: $n) { totalCount } }', variables: { n: 1_000_000 } });
    expect(answer.json!.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Argument "first" must be a whole number from 0 to 100; got 1000000.'],
    ]);
  });

  it('the body size, by Content-Length, with 413', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes) } });
    const answer = await send(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(answer.status).toBe(413);
    expect(codes(answer)).toEqual(['REQUEST_TOO_LARGE']);
    expect(answer.json!.errors![0]!.message).toBe(`The request body is larger than ${DEFAULT_LIMITS.maxBodyBytes} bytes; send a shorter query and pass values as variables.`);
  });

  it('the body size, counted as a chunked body streams in, with 413', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(16_384));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }"'));
        if (sent > DEFAULT_LIMITS.maxBodyBytes * 3) {
          controller.enqueue(new TextEncoder().encode('}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });
    const answer = await send(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
    expect(codes(answer)).toEqual(['REQUEST_TOO_LARGE']);
  });

  it('a chunked body within the limit is answered', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ nation(code: \\"PRK\\") { name } }"'));
        controller.enqueue(new TextEncoder().encode(`${' '.repeat(1000)}}`));
        controller.close();
      },
    });
    const answer = await send(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half',
    } as RequestInit);
    expect(answer.json).toEqual({ data: { nation: { name: 'North Korea' } } });
  });

  it('batching is off: a JSON array of operations is refused', async () => {
    const answer = await send(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(answer.status).toBe(400);
    expect(answer.json!.errors![0]!.message).toMatch(/batch|object/i);
  });

  it('suggestions are hidden, for fields and for enum values in variables', async () => {
    const field = await query(server.url, { query: '{ nation(code: "USA") { nam } }' });
    expect(field.json!.errors![0]!.message).toBe('Cannot query field "nam" on type "Nation".');
    const value = await query(server.url, { query: 'query($o: [Obligation!]) { alliesOf(code: "USA", obligations: $o) { obligations } }', variables: { o: ['DEFENCE'] } });
    expect(value.json!.errors![0]!.message).not.toMatch(/Did you mean/);
    expect(value.json!.errors![0]!.message).toContain('Value "DEFENCE" does not exist in "Obligation" enum.');
  });
});

describe('in production (NODE_ENV=production), with ENTENTE_BATCHING=2 and a 500 ms query timeout', () => {
  let production: ServerProcess;
  beforeAll(async () => {
    production = await startServerProcess(testLogin(), {
      env: { NODE_ENV: 'production', ENTENTE_BATCHING: '2', ENTENTE_QUERY_TIMEOUT_MS: '500' },
    });
  });
  afterAll(() => production?.stop());

  it('introspection is refused, and GraphiQL is not served', async () => {
    const answer = await query(production.url, { query: '{ __schema { types { name } } }' });
    expect(codes(answer)).toEqual(['INTROSPECTION_DISABLED']);
    const viaType = await query(production.url, { query: '{ __type(name: "Nation") { fields { name } } }' });
    expect(codes(viaType)).toEqual(['INTROSPECTION_DISABLED']);
    const page = await send(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.text).not.toMatch(/<html/i);
    const typename = await query(production.url, { query: '{ __typename }' });
    expect(typename.json).toEqual({ data: { __typename: 'Query' } });
  });

  it("the dashboard's capability probe still works", async () => {
    const fetchGraphQL = async <T>(text: string): Promise<T> => {
      const answer = await query(production.url, { query: text });
      if (answer.json?.errors) throw new Error(JSON.stringify(answer.json.errors));
      return answer.json!.data as T;
    };
    expect(await detectCapabilities(fetchGraphQL)).toEqual({ sourceArg: 'source' });
  });

  it('batches of up to ENTENTE_BATCHING operations are answered, larger ones refused', async () => {
    const batch = (n: number) => send(`${production.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: n }, (_, i) => ({ query: `{ nation(code: "${['USA', 'PRK', 'RUS'][i]}") { code } }` }))),
    });
    const two = await batch(2);
    expect(two.json).toEqual([{ data: { nation: { code: 'USA' } } }, { data: { nation: { code: 'PRK' } } }]);
    const three = await batch(3);
    expect(three.status).toBe(413);
    expect(three.text).toMatch(/Batching is limited to 2 operations per request/);
  });

  it('Neo4j ends a query that runs past the timeout, and the API says so', async () => {
    // allianceNetwork over one treaty with 1,500 parties pairs them all: over a million rows, seconds of work.
    const session = graph.driver.session({ database: graph.database });
    try {
      await session.run(
        `CREATE (t:Treaty:HardeningProbe {id: 'hardening-probe', name: 'Probe', fromDate: date('2000-01-01')})
         WITH t UNWIND range(1, 1500) AS i
         CREATE (:Nation:HardeningProbe {code: 'XP' + i, name: 'Probe ' + i})-[:PARTY_TO {fromDate: date('2000-01-01')}]->(t)`,
      );
      const started = Date.now();
      const answer = await query(production.url, { query: '{ allianceNetwork(asOf: "2024-01-01") { edges { a { code } } } }' });
      expect(codes(answer)).toEqual(['QUERY_TIMEOUT']);
      expect(answer.json!.errors![0]!.message).toBe('The query took longer than the allowed time: narrow it (a date, fewer obligations, fewer hops) and try again.');
      expect(Date.now() - started).toBeLessThan(20_000);
      // The server, not only the client, gave up: no transaction of the API's is left running.
      const running = await session.run(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'PARTY_TO' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
      );
      expect(running.records[0]!.get('n')).toBe(0);
    } finally {
      await session.run('MATCH (n:HardeningProbe) DETACH DELETE n');
      await session.close();
    }
  });
});
