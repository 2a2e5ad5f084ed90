/**
 * The shaped executor against graphql-tools' executor, on answers made to break every completion rule: the
 * two must give the same response (data, and errors with their messages, paths, locations, extensions and
 * whether a client would see them). test/api/execute.test.ts does the same over the real graph.
 */
import { execute, type ExecutionArgs } from '@graphql-tools/executor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, isObjectType, parse, type ExecutionResult, type GraphQLFieldResolver } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createShapedExecute } from './execute.ts';
import { DateScalar } from './scalars.ts';

const SDL = /* GraphQL */ `
  enum Kind { A B }
  scalar Date
  type Query {
    thing(case: String!): Thing
    must(case: String!): Thing!
    things(case: String!): [Thing!]!
    loose(case: String!): [Thing]
    names(case: String!): [String!]
  }
  type Thing {
    id: ID!
    name: String
    count: Int
    ratio: Float
    flag: Boolean
    kind: Kind
    date: Date
    tags: [String!]
    maybe: [String]
    child: Thing
    strict: Thing!
    kids: [Thing!]
  }
`;

const full = (id: string, more: Record<string, unknown> = {}) => ({
  id, name: `thing ${id}`, count: 3, ratio: 0.5, flag: true, kind: 'A', date: '1961-07', tags: ['x', 'y'], maybe: [null, 'z'], ...more,
});

/** What the root resolvers answer, by case: good shapes, and every way an answer can be wrong. */
const ANSWERS: Record<string, () => unknown> = {
  good: () => full('1', { child: full('2'), strict: full('3'), kids: [full('4'), full('5', { kids: [] })] }),
  async: () => Promise.resolve(full('1', { strict: full('2') })),
  nothing: () => null,
  nullInNonNullLeaf: () => full('1', { strict: { ...full('2'), id: null } }),
  nullInNonNullListItem: () => full('1', { tags: ['a', null, 'b'], strict: full('2') }),
  nullKidBubblesToList: () => full('1', { kids: [full('2'), { ...full('3'), id: null }], strict: full('4') }),
  badInt: () => full('1', { count: 'three', strict: full('2') }),
  bigInt: () => full('1', { count: 2 ** 40, strict: full('2') }),
  badFloat: () => full('1', { ratio: 'half', strict: full('2') }),
  badBoolean: () => full('1', { flag: 'yes', strict: full('2') }),
  badEnum: () => full('1', { kind: 'C', strict: full('2') }),
  badDate: () => full('1', { date: 'soon', strict: full('2') }),
  numberAsString: () => full('1', { name: 42, strict: full('2') }),
  notAList: () => full('1', { tags: 'x', strict: full('2') }),
  numberForList: () => full('1', { maybe: 7, strict: full('2') }),
  setForList: () => full('1', { tags: new Set(['s', 't']), strict: full('2') }),
  primitiveForObject: () => full('1', { child: 'a string', strict: full('2') }),
  errorValue: () => full('1', { child: new Error('a value that is an error'), strict: full('2') }),
  missingStrict: () => full('1'),
  throwsGraphQL: () => { throw new GraphQLError('No such thing.', { extensions: { code: 'NOT_FOUND', argument: 'case' } }); },
  throwsPlain: () => { throw new Error('internal detail'); },
  throwsString: () => { throw 'a bare string'; },
  throwsAggregate: () => { throw new AggregateError([new GraphQLError('first'), new Error('second')]); },
  throwsCritical: () => { throw new GraphQLError('stop everything', { extensions: { CRITICAL_ERROR: true } }); },
  rejects: () => Promise.reject(new GraphQLError('Later, no.', { extensions: { code: 'LATER' } })),
  list: () => [full('1', { strict: full('2') }), full('3', { strict: full('4') })],
  listWithNull: () => [full('1', { strict: full('2') }), null],
  listWithBadItem: () => [full('1', { strict: full('2') }), { ...full('3'), id: null }],
  // Keyed by response keys that a plain object holds specially, as own properties (as the translation keys them).
  specialKeys: () => JSON.parse('{"__proto__": "thing 1", "constructor": "1", "child": {"__proto__": "2", "toString": "thing 2"}}'),
  names: () => ['a', 'b'],
  namesWithNull: () => ['a', null],
};

const root: GraphQLFieldResolver<unknown, unknown, { case: string }> = (_source, args) => ANSWERS[args.case]!();
const byKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _context, info) => source?.[info.path.key as string];

function testSchema() {
  const schema = makeExecutableSchema({ typeDefs: SDL, resolvers: { Date: DateScalar } });
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve = (type.name === 'Query' ? root : byKey) as GraphQLFieldResolver<unknown, unknown>;
  }
  return schema;
}

const schema = testSchema();
let handedOver = 0;
const shaped = createShapedExecute({ root, byResponseKey: byKey }, (args) => {
  handedOver += 1;
  return execute(args);
});

/** A response as a client and yoga's error masking would see it. */
function seen(result: unknown) {
  const { data, errors } = result as ExecutionResult;
  return {
    data: JSON.parse(JSON.stringify(data ?? null)),
    errors: errors?.map((e) => ({
      ...e.toJSON(),
      original: e.originalError ? `${e.originalError.constructor.name}: ${e.originalError.message}` : null,
    })),
  };
}

async function both(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const args: ExecutionArgs = { schema, document: parse(query), variableValues: variables, operationName };
  const before = handedOver;
  const expected = seen(await execute(args));
  const actual = seen(await shaped(args));
  return { expected, actual, handedOver: handedOver - before };
}

const ALL = 'id name count ratio flag kind date tags maybe __typename';
const DEEP = `${ALL} child { ${ALL} } strict { ${ALL} child { id } } kids { ${ALL} kids { id } }`;

describe('the shaped executor gives the executor\'s response', () => {
  it.each(Object.keys(ANSWERS).filter((c) => !c.startsWith('list') && !c.startsWith('names')))('for a nullable root answering %s', async (name) => {
    const { expected, actual, handedOver } = await both(`query($c: String!) { thing(case: $c) { ${DEEP} } }`, { c: name });
    expect(actual).toEqual(expected);
    expect(handedOver).toBe(0);
  });

  it.each(['good', 'async', 'nothing', 'nullInNonNullLeaf', 'missingStrict', 'throwsGraphQL', 'throwsAggregate', 'rejects'])('for a non-null root answering %s', async (name) => {
    const { expected, actual } = await both(`{ must(case: "${name}") { ${DEEP} } }`);
    expect(actual).toEqual(expected);
  });

  it.each(['list', 'listWithNull', 'listWithBadItem', 'nothing', 'good'])('for lists of objects answering %s', async (name) => {
    const { expected, actual } = await both(`{ things(case: "${name}") { ${ALL} strict { id } } loose(case: "${name}") { id strict { id } } }`);
    expect(actual).toEqual(expected);
  });

  it.each(['names', 'namesWithNull', 'nothing', 'notAList'])('for a list of leaves answering %s', async (name) => {
    const { expected, actual } = await both(`{ names(case: "${name}") }`);
    expect(actual).toEqual(expected);
  });

  it('with several roots, one failing non-null and others answering or failing', async () => {
    const { expected, actual } = await both(`{
      a: thing(case: "good") { id }
      b: thing(case: "throwsPlain") { id }
      c: must(case: "nothing") { id }
      d: thing(case: "async") { id }
    }`);
    expect(actual).toEqual(expected);
    expect(expected.data).toBeNull();
  });

  it('with aliases, fragments, inline fragments, merged fields and __typename at every level', async () => {
    const { expected, actual, handedOver } = await both(`
      query { __typename first: thing(case: "good") { ...Parts ... on Thing { k: kids { ...Parts } } id name } second: thing(case: "badInt") { ...Parts } }
      fragment Parts on Thing { id n: name count __typename child { ...Leaf } kids { id ... { name } } }
      fragment Leaf on Thing { id alias: id }
    `);
    expect(actual).toEqual(expected);
    expect(handedOver).toBe(0);
  });

  it('with response keys a client may pick that an object holds specially (__proto__, constructor)', async () => {
    const { expected, actual } = await both('{ thing(case: "specialKeys") { __proto__: name constructor: id child { __proto__: id toString: name } } }');
    expect(actual).toEqual(expected);
    expect(actual.data).toEqual(JSON.parse('{"thing": {"__proto__": "thing 1", "constructor": "1", "child": {"__proto__": "2", "toString": "thing 2"}}}'));
  });

  it.each([[true, false], [false, true], [true, true]])('with @skip(if: %s) and @include(if: %s) from variables', async (skip, include) => {
    const { expected, actual } = await both(`query($s: Boolean!, $i: Boolean!) {
      thing(case: "good") { id name @skip(if: $s) count @include(if: $i) child @include(if: $i) { id } ... on Thing @skip(if: $s) { flag } }
      other: thing(case: "good") @skip(if: $s) { id }
    }`, { s: skip, i: include });
    expect(actual).toEqual(expected);
  });

  it('by handing over what it does not take: bad variables, unknown operations, introspection', async () => {
    for (const [query, variables, operationName] of [
      ['query($c: String!) { thing(case: $c) { id } }', { c: 5 }, undefined],
      ['query($c: String!) { thing(case: $c) { id } }', {}, undefined],
      ['query A { thing(case: "good") { id } } query B { names(case: "names") }', undefined, undefined],
      ['query A { thing(case: "good") { id } }', undefined, 'Nope'],
      ['{ __schema { queryType { name } } thing(case: "good") { id } }', undefined, undefined],
      ['{ __type(name: "Thing") { fields { name } } }', undefined, undefined],
    ] as const) {
      const { expected, actual, handedOver } = await both(query, variables as Record<string, unknown> | undefined, operationName);
      expect(actual).toEqual(expected);
      expect(handedOver).toBe(1);
    }
  });

  it('and picks the operation named in a document with several', async () => {
    const { expected, actual, handedOver } = await both('query A { thing(case: "good") { id } } query B { names(case: "names") }', undefined, 'B');
    expect(actual).toEqual(expected);
    expect(actual.data).toEqual({ names: ['a', 'b'] });
    expect(handedOver).toBe(0);
  });
});
