/**
 * Driver errors are mapped to EntenteErrors here, and only here, so that every caller (CLI, loader, API)
 * shows the same sentence for the same fault and never a driver stack trace.
 */
import { Neo4jError } from 'neo4j-driver';
import { EntenteError, isEntenteError } from '../errors.ts';

export function mapDriverError(error: unknown): EntenteError {
  if (isEntenteError(error)) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|connect|Connection was closed/i.test(message)) {
    return new EntenteError('DATABASE_UNAVAILABLE', 'The database is unavailable: start it with `npm run neo4j -- start`, or check NEO4J_URI.', {}, { cause: error });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new EntenteError('DATABASE_AUTH_FAILED', 'Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.', {}, { cause: error });
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new EntenteError('QUERY_TIMEOUT', 'The query took longer than the allowed time: narrow it (a date, fewer obligations, fewer hops) and try again.', {}, { cause: error });
  }
  return new EntenteError('DATABASE_ERROR', 'The database could not complete the request.', { neo4jCode: code }, { cause: error });
}
