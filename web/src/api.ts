/** The page's only way to the data: POST /graphql on the same origin. */
import type { GraphQLFetch } from '../../src/export/network.ts';

export class GraphQLError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'GraphQLError';
  }
}

/** A raw answer: the HTTP status and the body's bytes, parsed later (possibly in another thread). */
export interface RawAnswer {
  status: number;
  statusText: string;
  body: ArrayBuffer;
}

export function post(endpoint: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
}

/** The `data` of an answer, or the GraphQL error it carries. */
export function dataOf<T>(answer: { status: number; statusText: string; text: string }): T {
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new GraphQLError(`The API answered ${answer.status} ${answer.statusText} without JSON.`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new GraphQLError(first?.message ?? 'GraphQL error', first?.extensions?.code);
  }
  if (answer.status >= 400 || body.data === undefined) throw new GraphQLError(`The API answered ${answer.status} ${answer.statusText}.`);
  return body.data;
}

export function graphqlClient(endpoint = '/graphql'): GraphQLFetch {
  return async <T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> => {
    const response = await post(endpoint, query, variables, signal);
    return dataOf<T>({ status: response.status, statusText: response.statusText, text: await response.text() });
  };
}

/** Answers the first call with an answer fetched earlier, and every later call through `fallback`. */
export function withPrefetched(answer: RawAnswer, fallback: GraphQLFetch): GraphQLFetch {
  let used = false;
  return async <T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> => {
    if (used) return fallback<T>(query, variables, signal);
    used = true;
    return dataOf<T>({ status: answer.status, statusText: answer.statusText, text: new TextDecoder().decode(answer.body) });
  };
}
