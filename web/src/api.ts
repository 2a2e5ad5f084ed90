/** The page's only way to the data: POST /graphql on the same origin. */
import type { GraphQLFetch } from '../../src/export/network.ts';

export class GraphQLError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'GraphQLError';
  }
}

export function graphqlClient(endpoint = '/graphql'): GraphQLFetch {
  return async <T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = await response.json();
    } catch {
      throw new GraphQLError(`The API answered ${response.status} ${response.statusText} without JSON.`);
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new GraphQLError(first?.message ?? 'GraphQL error', first?.extensions?.code);
    }
    if (!response.ok || body.data === undefined) throw new GraphQLError(`The API answered ${response.status} ${response.statusText}.`);
    return body.data;
  };
}
