/**
 * Every limit the public API enforces, with its default and the environment variable that overrides it.
 * The values are read and checked once in src/config.ts (`loadLimits`, `loadConfig().limits`) and passed to
 * the server as typed options; docs/hardening.md lists them for operators.
 */
import { LIMITS as ARGUMENT_LIMITS } from '../translate/roots.ts';

export interface Limits {
  /** Deepest field nesting of an operation, leaf fields included; fragments add no level of their own. */
  maxDepth: number;
  /** Aliased fields per operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Lexical tokens per document, checked while parsing, before anything else is spent on it. */
  maxTokens: number;
  /** The static cost of an operation (graphql-armor's model: 2 per object, 1 per scalar, x1.5 per level, x`first`). */
  maxCost: number;
  /** Directives per operation. */
  maxDirectives: number;
  /**
   * Characters of Cypher one request may translate to, all its root fields together. Neo4j plans each new
   * statement before it runs it, and the planning time grows with the statement's size, so a short query that
   * expands into a large statement (a fragment spread many times) costs Neo4j seconds of CPU.
   */
  maxCypherChars: number;
  /** Neo4j's transaction timeout for every read the API runs, in milliseconds. */
  queryTimeoutMs: number;
  /** Database reads the API runs at once; further ones wait their turn (query-gate.ts). */
  maxConcurrentQueries: number;
  /** How long a read may wait for its turn before the answer is SERVER_BUSY, in milliseconds. */
  queueTimeoutMs: number;
  /** The largest request body, in bytes; larger ones get 413. */
  maxBodyBytes: number;
  /** Whether `__schema`/`__type` introspection (and GraphiQL, which needs it) is served. */
  introspection: boolean;
  /** Operations per batched request (a JSON array of requests); 0 turns batching off. */
  maxBatch: number;
  /** How long /ready waits for the database before it answers 503, in milliseconds. */
  readyTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  // nation > treaties > parties > nation > allies > treaties > provisions > treaty > name is 9 levels.
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2000,
  maxCost: 20_000,
  maxDirectives: 20,
  // The analyst's query (test/hardening/analyst-query.ts) translates to 21,472 characters over 19 root fields;
  // a 34 KB statement took Neo4j 3.5-8.6 s to plan, and 249 KB ran into the query timeout while planning.
  maxCypherChars: 40_000,
  queryTimeoutMs: 10_000,
  maxConcurrentQueries: 8,
  // With the 10 s query timeout, within the server's 30 s request timeout.
  queueTimeoutMs: 15_000,
  maxBodyBytes: 100_000,
  introspection: true,
  maxBatch: 0,
  readyTimeoutMs: 3_000,
});

/** The variable that overrides each limit. */
export const LIMIT_VARIABLES: Readonly<Record<keyof Limits, string>> = Object.freeze({
  maxDepth: 'ENTENTE_MAX_DEPTH',
  maxAliases: 'ENTENTE_MAX_ALIASES',
  maxTokens: 'ENTENTE_MAX_TOKENS',
  maxCost: 'ENTENTE_MAX_COST',
  maxDirectives: 'ENTENTE_MAX_DIRECTIVES',
  maxCypherChars: 'ENTENTE_MAX_CYPHER_CHARS',
  queryTimeoutMs: 'ENTENTE_QUERY_TIMEOUT_MS',
  maxConcurrentQueries: 'ENTENTE_MAX_CONCURRENT_QUERIES',
  queueTimeoutMs: 'ENTENTE_QUEUE_TIMEOUT_MS',
  maxBodyBytes: 'ENTENTE_MAX_BODY_BYTES',
  introspection: 'ENTENTE_INTROSPECTION',
  maxBatch: 'ENTENTE_BATCHING',
  readyTimeoutMs: 'ENTENTE_READY_TIMEOUT_MS',
});

/**
 * Limits on arguments, fixed in the translation (src/api/translate/roots.ts) because the schema's
 * descriptions state them: `first` of nations and treaties, `first` of search, and `maxHops`.
 */
export { ARGUMENT_LIMITS };
