/**
 * The GraphQL-over-HTTP spec, audited against the live server by graphql-http's own suite: every MUST and
 * SHOULD audit passes (MAY audits are reported, not required). Also the cross-origin policy: any site may
 * read the public data, none with credentials.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { testLogin } from '../support/graph.ts';

// The audits ask for `{ __typename }` and malformed requests only: no data is needed.
let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(testLogin());
});
afterAll(() => server?.stop());

describe('cross-origin requests', () => {
  const origin = 'https://elsewhere.example';

  it('a preflight from another site is allowed GET and POST, without credentials', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('an answer to another site may be read, but never with its cookies', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', cookie: 'session=1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('graphql-http server audits', () => {
  for (const audit of serverAudits({ url: () => `${server.url}/graphql` })) {
    const required = audit.name.startsWith('MUST') || audit.name.startsWith('SHOULD');
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok' && !required) console.info(`optional audit not met: ${audit.name}: ${result.reason}`);
      if (result.status !== 'ok' && required) {
        const body = 'response' in result ? await result.response.text().catch(() => '') : '';
        expect.fail(`${result.reason}${body ? `\n${body}` : ''}`);
      }
    });
  }
});
