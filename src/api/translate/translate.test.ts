/**
 * The translation without a database: a selection becomes one `{ cypher, params }`, values only as
 * parameters. The snapshots make any change to the generated Cypher visible in review.
 */
import { graphql, type GraphQLFieldResolver } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../schema.ts';
import { translate, type RootQuery } from './roots.ts';
import { rootSelection } from './selection.ts';

async function translated(source: string, variables?: Record<string, unknown>): Promise<RootQuery[]> {
  const schema = buildSchema();
  const out: RootQuery[] = [];
  const capture: GraphQLFieldResolver<unknown, unknown> = (_s, _a, _c, info) => {
    out.push(translate(rootSelection(info), '2026-11-29'));
    return null;
  };
  for (const field of Object.values(schema.getQueryType()!.getFields())) field.resolve = capture;
  const result = await graphql({ schema, source, variableValues: variables });
  // Non-null root fields answer null here (nothing runs), so only errors other than that one count.
  expect((result.errors ?? []).filter((e) => !e.message.startsWith('Cannot return null'))).toEqual([]);
  return out;
}

describe('translation', () => {
  it('keeps every value a user sends out of the Cypher text', async () => {
    const hostile = "RUS' }) DETACH DELETE (n) //";
    const [query] = await translated('query ($c: ID!) { alliesOf(code: $c, obligations: [DEFENSE]) { nation { code } } }', { c: hostile });
    expect(query!.cypher).not.toContain('DETACH');
    expect(Object.values(query!.params)).toContain(hostile);
  });

  it('turns aliases with different arguments into separate subqueries', async () => {
    const [query] = await translated('{ nation(code: "PRK") { before: allies(asOf: "2024-12-03") { nation { code } } after: allies(asOf: "2024-12-04") { nation { code } } } }');
    expect(query!.cypher.match(/CALL \([^)]*\) \{/g)).toHaveLength(2);
  });

  it('leaves response keys out of the Cypher, so a renamed alias reuses the plan', async () => {
    const [plain] = await translated('{ nation(code: "PRK") { code treaties { id parties { nation { name } } } } }');
    const [aliased] = await translated('{ nation(code: "PRK") { c: code __typename t: treaties { i: id p: parties { n: nation { name } } } } }');
    expect(aliased!.cypher).toBe(plain!.cypher);
    expect(aliased!.cypher).not.toMatch(/`[ctipn]`/);
  });

  it('keys each projected value by its response key again', async () => {
    const [query] = await translated(`{ nation(code: "PRK") { __proto__: code __typename
      t: treaties { __typename id parties { nation { code } inForceFrom } } allies { since } } }`);
    // The positions the Cypher returns: code, treaties, allies; a treaty's id and parties; a party's nation and date.
    const answer = query!.finish([{ result: ['PRK', [['t1', [[['CHN'], '1961-09-10'], [null, null]]], ['t2', []]], []] }]);
    const keyed = answer as Record<string, unknown>;
    // An alias is a key like any other, `__proto__` included.
    expect(Object.keys(keyed)).toEqual(['__proto__', '__typename', 't', 'allies']);
    expect(keyed['__proto__']).toBe('PRK');
    expect(JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(keyed).filter(([k]) => k !== '__proto__'))))).toEqual({
      __typename: 'Nation',
      t: [
        { __typename: 'Treaty', id: 't1', parties: [{ nation: { code: 'CHN' }, inForceFrom: '1961-09-10' }, { nation: null, inForceFrom: null }] },
        { __typename: 'Treaty', id: 't2', parties: [] },
      ],
      allies: [],
    });
    expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
    expect(query!.finish([])).toBeNull();
  });

  it('translates a nested selection into one query', async () => {
    const [query] = await translated(`{ treaty(id: "russia-dprk-2024") {
      name parties { nation { code } inForceFrom } provisions { article obligation } status(asOf: "2024-12-04") } }`);
    expect(query).toMatchSnapshot();
  });

  it('translates a filtered, paginated treaties query into one query', async () => {
    const [query] = await translated(`{ treaties(filter: { party: "SWE", source: "ATOP 5.1", inForceDuring: { from: "1990-01-01", to: "1990-12-31" } }, first: 5) {
      totalCount pageInfo { hasNextPage } edges { cursor node { id } } } }`);
    expect(query).toMatchSnapshot();
  });
});
