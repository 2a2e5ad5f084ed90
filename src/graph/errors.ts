/**
 * Driver errors are mapped to EntenteErrors here, and only here, so that every caller (CLI, loader, API)
 * shows the same sentence for the same fault and never a driver stack trace.
 *
 * The codes are stable; the sentence may be more precise than the code (a refused connection, a host that
 * does not resolve and a server that never answers are all DATABASE_UNAVAILABLE, each saying what to check).
 * Each case below was observed against Neo4j 5.26 with neo4j-driver 6 (see src/runtime/errors.test.ts).
 */
import { Neo4jError } from 'neo4j-driver';
import { EntenteError, isEntenteError } from '../errors.ts';

const START_OR_CHECK = 'start it with `npm run neo4j -- start`, or check NEO4J_URI';

export function mapDriverError(error: unknown): EntenteError {
  if (isEntenteError(error)) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const details = { neo4jCode: code };
  const fail = (ententeCode: string, sentence: string) => new EntenteError(ententeCode, sentence, details, { cause: error });

  switch (code) {
    case 'Neo.ClientError.Security.Unauthorized':
      return fail('DATABASE_AUTH_FAILED', 'Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD (the local Neo4j takes a changed .neo4j/password when restarted with `npm run neo4j -- stop` and `start`).');
    case 'Neo.ClientError.Security.AuthenticationRateLimit':
      return fail('DATABASE_AUTH_FAILED', 'Neo4j refused too many logins with wrong credentials: check NEO4J_USER and NEO4J_PASSWORD, then try again in a few seconds.');
    case 'Neo.ClientError.Security.CredentialsExpired':
      return fail('DATABASE_AUTH_FAILED', 'The Neo4j password has expired: set a new one on the server (`ALTER CURRENT USER SET PASSWORD FROM ... TO ...`) and put it in NEO4J_PASSWORD.');
    case 'Neo.ClientError.Security.Forbidden':
      return fail('DATABASE_FORBIDDEN', 'The Neo4j user may not do this: grant it the privilege, or set NEO4J_USER to a user that has it.');
    case 'Neo.ClientError.Database.DatabaseNotFound': {
      // "Graph not found: x" (5.26) or "Database does not exist. Database name: 'x'." (earlier 5.x).
      const name = /(?:not found|name):\s*'?([^'\s]+?)'?\.?$/.exec(message)?.[1];
      const which = name ? `no database named "${name}"` : 'no such database';
      return fail('DATABASE_NOT_FOUND', `Neo4j has ${which}: check NEO4J_DATABASE, or unset it to use the server's default (Neo4j Community has only \`neo4j\`).`);
    }
    case 'Neo.ClientError.Transaction.TransactionTimedOut':
    case 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration':
      return fail('QUERY_TIMEOUT', 'The query took longer than the allowed time: narrow it (a date, fewer obligations, fewer hops) and try again.');
    case 'Neo.TransientError.General.DatabaseUnavailable':
      return fail('DATABASE_UNAVAILABLE', 'The Neo4j database is not available yet (starting, stopping or recovering): wait a moment and try again.');
  }

  // Server errors (Neo.*) can quote the query, so only the driver's own errors are read for their wording.
  if (code?.startsWith('Neo.')) return fail('DATABASE_ERROR', 'The database could not complete the request.');

  if (/ENOTFOUND|EAI_AGAIN/.test(message)) {
    return fail('DATABASE_UNAVAILABLE', 'The host in NEO4J_URI was not found: check its spelling, or unset NEO4J_URI to use the local Neo4j.');
  }
  if (/Server responded HTTP/.test(message)) {
    return fail('DATABASE_UNAVAILABLE', 'NEO4J_URI points at an HTTP port, not Bolt: use the Bolt port (7687 unless changed).');
  }
  if (/secure TLS|SSL|certificate|self[- ]signed/i.test(message)) {
    return fail('DATABASE_UNAVAILABLE', 'The encrypted connection to Neo4j failed: use bolt:// or neo4j:// for a server without TLS, or bolt+ssc:// / neo4j+ssc:// for a self-signed certificate.');
  }
  if (/acquisition timed out|Failed to establish connection in|Connection acquisition/i.test(message)) {
    return fail('DATABASE_UNAVAILABLE', `Neo4j did not answer in time: ${START_OR_CHECK} and that nothing else listens on its port.`);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET|Connection was closed|Pool is closed|Could not perform discovery/i.test(message)) {
    return fail('DATABASE_UNAVAILABLE', `The database is unavailable: ${START_OR_CHECK}.`);
  }
  return fail('DATABASE_ERROR', 'The database could not complete the request.');
}
