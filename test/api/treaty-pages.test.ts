/**
 * Paging the whole treaty list in an indexed order (signature, entry into force, id: the list's first page
 * is read from an index, not by sorting every treaty) gives exactly the general order: the property
 * ascending, then id, treaties without the property last in id order, on every page and across the seam.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { clearDatabase, testGraph } from '../support/graph.ts';

const graph = testGraph();
const gql = apiClient(graph);

interface Row { id: string; signed: string | null; inForce: string | null }

/** 40 treaties: shared dates (ties broken by id), and some without a signature or an entry into force. */
const ROWS: Row[] = Array.from({ length: 40 }, (_, i) => ({
  id: `t-${String((i * 17) % 40).padStart(2, '0')}`,
  signed: i % 7 === 3 ? null : `19${String(10 + (i % 9)).padStart(2, '0')}-0${1 + (i % 5)}-1${i % 3}`,
  inForce: i % 5 === 1 ? null : `19${String(20 + (i % 11)).padStart(2, '0')}-06-01`,
}));

/** The order ORDER BY gives: the key ascending, nulls last, then id. */
function expected(key: 'signed' | 'inForce' | 'id'): string[] {
  const value = (r: Row) => (key === 'id' ? r.id : r[key]);
  return [...ROWS]
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return a.id < b.id ? -1 : 1;
    })
    .map((r) => r.id);
}

interface Page { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

async function page(field: string, first: number, after: string | null, filter?: Record<string, unknown>): Promise<Page> {
  const data = await dataOf<{ treaties: Page }>(gql(
    `query($field: TreatyOrderField!, $first: Int, $after: String, $filter: TreatyFilter) {
      treaties(orderBy: { field: $field, direction: ASC }, first: $first, after: $after, filter: $filter) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
    { field, first, after, filter: filter ?? null },
  ));
  return data.treaties;
}

async function all(field: string, size: number, filter?: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const p = await page(field, size, after, filter);
    expect(p.totalCount).toBe(ROWS.length);
    ids.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) return ids;
    after = p.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  await clearDatabase(graph);
  await applySchema(graph);
  await graph.write((tx) => tx.tx.run(
    `UNWIND $rows AS row
     CREATE (:Treaty {id: row.id, name: 'Treaty ' + row.id, signedOn: row.signed,
       signedFromDate: CASE WHEN row.signed IS NULL THEN null ELSE date(row.signed) END,
       signedToDate: CASE WHEN row.signed IS NULL THEN null ELSE date(row.signed) END,
       fromDate: CASE WHEN row.inForce IS NULL THEN null ELSE date(row.inForce) END})`,
    { rows: ROWS },
  ));
});
afterAll(async () => {
  await clearDatabase(graph);
  await graph.close();
});

describe('the treaty list in an indexed order', () => {
  for (const [field, key] of [['SIGNED_ON', 'signed'], ['ENTERED_INTO_FORCE_ON', 'inForce'], ['ID', 'id']] as const) {
    it(`by ${field}: every page, in pages of 1, 7 and 100, is the general order`, async () => {
      expect(ROWS.some((r) => key !== 'id' && r[key] === null)).toBe(key !== 'id');
      for (const size of [1, 7, 100]) expect(await all(field, size)).toEqual(expected(key));
      // The same list through the general path (a filter every treaty passes), for comparison.
      expect(await all(field, 7, { text: 'Treaty' })).toEqual(expected(key));
    });
  }

  it('first: 0, and a page after the last one, are empty but still count every treaty', async () => {
    const none = await page('SIGNED_ON', 0, null);
    expect(none).toMatchObject({ totalCount: 40, edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    const last = await page('SIGNED_ON', 40, null);
    const beyond = await page('SIGNED_ON', 5, last.pageInfo.endCursor);
    expect(beyond).toMatchObject({ totalCount: 40, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
