/** A GraphQL client for Node (the export CLI): POST to a running Entente server, errors as EntenteErrors. */
import { EntenteError } from '../errors.ts';
import type { GraphQLFetch } from './network.ts';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4000/graphql';

export function httpGraphQL(endpoint: string): GraphQLFetch {
  return async <T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
        signal: signal ?? AbortSignal.timeout(120_000),
      });
    } catch (error) {
      throw new EntenteError('EXPORT_UNREACHABLE', `No Entente server answered at ${endpoint}: start one with npm start, or point ENTENTE_URL at a running server.`, { endpoint }, { cause: error });
    }
    let body: { data?: T; errors?: { message: string }[] };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new EntenteError('EXPORT_BAD_RESPONSE', `${endpoint} answered ${response.status} without GraphQL JSON: is ENTENTE_URL the server's /graphql address?`, { endpoint }, { cause: error });
    }
    if (body.errors?.length) {
      throw new EntenteError('EXPORT_QUERY_FAILED', `The server refused the network query: ${body.errors.map((e) => e.message).join('; ')}`, { endpoint });
    }
    if (body.data === undefined) throw new EntenteError('EXPORT_BAD_RESPONSE', `${endpoint} answered ${response.status} with no data.`, { endpoint });
    return body.data;
  };
}
