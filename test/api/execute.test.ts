/**
 * The shaped executor (src/api/execute.ts) over the seeded graph: every field of the schema, the dashboard's
 * operations and an analyst's query give exactly the response graphql-tools' executor gives, and none of them
 * is handed over to it. Then the same through HTTP: the API as served, against the API on the generic executor.
 */
import { execute, type ExecutionArgs } from '@graphql-tools/executor';
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShapedExecute } from '../../src/api/execute.ts';
import { buildSchema, byResponseKey, rootResolver } from '../../src/api/schema.ts';
import { createApi } from '../../src/api/yoga.ts';
import { networkQuery } from '../../src/export/network.ts';
import { LEADER_QUERY, NATION_QUERY, ORGANIZATION_QUERY, PATH_QUERY, SEARCH_QUERY, TREATY_QUERY } from '../../web/src/queries.ts';
import { ANALYST_QUERY } from '../hardening/analyst-query.ts';
import { seedTestDatabase, testGraph } from '../support/graph.ts';

const TODAY = '2026-11-29';
const graph = testGraph();
const schema = buildSchema();
let handedOver = 0;
const shaped = createShapedExecute({ root: rootResolver, byResponseKey }, (args) => {
  handedOver += 1;
  return execute(args);
});

/** Values for the arguments a field requires, by argument name: seeded nations, treaties and people. */
const REQUIRED: Record<string, string> = {
  code: 'PRK', id: 'russia-dprk-2024', a: 'RUS', b: 'PRK', from: 'SWE', to: 'JPN', text: 'korea',
};
const ROOT_IDS: Record<string, string> = { leader: 'vladimir-putin', organization: 'nato' };

/**
 * Every field of `type` with __typename, each with its required arguments only, and objects `depth` levels
 * down. `asked` holds the fields asked so far (Type.field) with the depth they were asked at; an object field
 * is not asked again at that depth or less, so the queries stay small enough for Neo4j to plan quickly.
 */
function everything(type: GraphQLObjectType, depth: number, asked: Map<string, number>): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const args = requiredArgs(field);
    const named = getNamedType(field.type);
    const key = `${type.name}.${field.name}`;
    if (args === null) continue;
    if (isLeafType(named)) {
      parts.push(`${field.name}${args}`);
      asked.set(key, Math.max(depth, asked.get(key) ?? 0));
    } else if (isObjectType(named) && depth > (asked.get(key) ?? 0)) {
      asked.set(key, depth);
      parts.push(`${field.name}${args} { ${everything(named, depth - 1, asked)} }`);
    }
  }
  return parts.join(' ');
}

function requiredArgs(field: GraphQLField<unknown, unknown>, root = false): string | null {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const values: string[] = [];
  for (const arg of required) {
    const value = root && arg.name === 'id' ? ROOT_IDS[field.name] ?? REQUIRED.id : REQUIRED[arg.name];
    if (value === undefined) return null;
    values.push(`${arg.name}: ${JSON.stringify(value)}`);
  }
  return values.length > 0 ? `(${values.join(', ')})` : '';
}

function rootQueries(s: GraphQLSchema, depth: number, asked = new Map<string, number>()): [string, string][] {
  return Object.values(s.getQueryType()!.getFields()).map((field) => {
    const named = getNamedType(field.type);
    const selection = isObjectType(named) ? ` { ${everything(named, depth, asked)} }` : '';
    return [field.name, `{ ${field.name}${requiredArgs(field, true)}${selection} }`];
  });
}

/**
 * Both executors complete the same database answer: the first run's rows are kept per statement and
 * parameters, and handed out as copies (the queries are deterministic; this halves the database's work).
 */
const answers = new Map<string, unknown[]>();
const sameAnswers = {
  async readText(text: string, params: Record<string, unknown> = {}) {
    const key = `${text}\n${JSON.stringify(params)}`;
    if (!answers.has(key)) answers.set(key, await graph.readText(text, params));
    return structuredClone(answers.get(key));
  },
};

async function both(query: string, variables?: Record<string, unknown>) {
  const args: ExecutionArgs = { schema, document: parse(query), variableValues: variables, contextValue: { graph: sameAnswers, today: TODAY } };
  const before = handedOver;
  const expected = JSON.parse(JSON.stringify(await execute(args)));
  const actual = JSON.parse(JSON.stringify(await shaped(args)));
  return { expected, actual, handedOver: handedOver - before };
}

beforeAll(async () => {
  await seedTestDatabase(graph);
});
afterAll(() => graph.close());

describe('the shaped executor over the seeded graph', () => {
  it('is asked for every field of every object type by the queries below', () => {
    const asked = new Map<string, number>();
    rootQueries(schema, 2, asked);
    const all = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && type !== schema.getQueryType())
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    expect(all.filter((field) => !asked.has(field))).toEqual([]);
  });

  it.each(rootQueries(schema, 2))('answers %s with its fields as the executor does', async (_name, query) => {
    const { expected, actual, handedOver } = await both(query);
    expect(expected.errors).toBeUndefined();
    expect(actual).toEqual(expected);
    expect(handedOver).toBe(0);
  });

  it.each([
    ['the nation panel', NATION_QUERY, { code: 'PRK', asOf: '2024-12-31' }],
    ['the treaty panel', TREATY_QUERY, { id: 'north-atlantic-treaty', asOf: '1961-12-31' }],
    ['the leader panel', LEADER_QUERY, { id: 'kim-jong-un' }],
    ['search', SEARCH_QUERY, { text: 'korea' }],
    ['the path', PATH_QUERY, { from: 'SWE', to: 'JPN', asOf: '2024-12-31' }],
    ['the organization panel', ORGANIZATION_QUERY, { id: 'nato', asOf: '2024-12-31' }],
    ['the network', networkQuery({ sourceArg: 'source' }, 'seeds'), { asOf: '1961-12-31', source: 'seeds' }],
    ['the analyst query', ANALYST_QUERY, {}],
  ] as const)('answers %s as the executor does', async (_name, query, variables) => {
    const { expected, actual, handedOver } = await both(query, variables);
    expect(expected.errors).toBeUndefined();
    expect(actual).toEqual(expected);
    expect(handedOver).toBe(0);
  });

  it('answers unknown codes and bad arguments with the executor\'s nulls and errors', async () => {
    const { expected, actual } = await both(`{
      nation(code: "XXX") { code }
      alliesOf(code: "XXX") { nation { code } }
      alliancePath(from: "PRK", to: "USA", maxHops: 99) { nations { code } }
      treaties(first: -1) { totalCount }
    }`);
    expect(expected.errors?.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });
});

describe('the API as served', () => {
  const served = createApi({ graph, today: TODAY });
  const generic = createApi({ graph, today: TODAY, execution: 'generic' });
  const post = async (api: typeof served, body: unknown) => {
    const response = await api.fetch('http://entente.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  it.each([
    ['an analyst query', { query: ANALYST_QUERY }],
    ['the nation panel', { query: NATION_QUERY, variables: { code: 'RUS' } }],
    ['a bad variable', { query: NATION_QUERY, variables: { code: 'RUS', asOf: '2024-13-45' } }],
    ['a bad argument', { query: '{ treaties(first: -1) { totalCount } }' }],
    ['introspection', { query: '{ __type(name: "Nation") { name fields { name } } }' }],
    ['__typename alone', { query: '{ __typename }' }],
  ])('answers %s with the same status and body', async (_name, body) => {
    const [a, b] = await Promise.all([post(served, body), post(generic, body)]);
    expect(a).toEqual(b);
  });
});
