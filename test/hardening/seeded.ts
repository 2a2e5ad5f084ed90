/** The login of the test database, for a server process that the hardening tests start. */
import { inject } from 'vitest';
import type { DatabaseLogin } from '../support/server.ts';

/** The login of the test database, for a server process. */
export function testLogin(): DatabaseLogin {
  return inject('neo4j');
}
