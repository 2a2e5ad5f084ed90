/** The API over the test database, queried in-process (yoga.fetch: no port needed). */
import { createApi } from '../../src/api/yoga.ts';
import type { Graph } from '../../src/graph/graph.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export function apiClient(graph: Graph, today = '2026-11-29') {
  const yoga = createApi({ graph, today });
  return async function gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await yoga.fetch('http://entente.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}

/** The data of a response that must have no errors. */
export async function dataOf<T = Record<string, any>>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const r = await response;
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}
