/**
 * The GraphQL handler: the schema of schema.graphql, date literals checked with the argument's name,
 * unexpected errors masked (no stack traces, Cypher or driver messages), readiness that asks the database,
 * and the limits of src/api/plugins/ (body size, tokens, depth, aliases, cost, directives, batching,
 * introspection, queries only, hidden suggestions, errors that carry nothing but what a client can use).
 * An operation text that has passed all of them once is prepared: it then skips the pipeline up to execution
 * (plugins/use-prepared-operations.ts), and over node:http it skips yoga altogether (fast-lane.ts).
 */
import type { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { Graph } from '../graph/graph.ts';
import { DEFAULT_LIMITS, type Limits } from './plugins/limits.ts';
import { gatedGraph, QueryGate } from './plugins/query-gate.ts';
import { useBodyLimit } from './plugins/use-body-limit.ts';
import { useCleanErrors } from './plugins/use-clean-errors.ts';
import { hideSuggestions, useHiddenSuggestions } from './plugins/use-hidden-suggestions.ts';
import { useIntrospectionSwitch } from './plugins/use-introspection-switch.ts';
import { useOperationLimits } from './plugins/use-operation-limits.ts';
import { PreparedOperations } from './plugins/use-prepared-operations.ts';
import { useQueriesOnly } from './plugins/use-queries-only.ts';
import { NO_YOGA_HEALTH_CHECK, useProbes } from './plugins/use-probes.ts';
import { useTokenLimit } from './plugins/use-token-limit.ts';
import { createShapedExecute } from './execute.ts';
import { buildSchema, byResponseKey, rootResolver, type ApiContext } from './schema.ts';
import { validDateLiterals } from './validate-dates.ts';

export interface ApiOptions {
  graph: Graph;
  /** Fixes "today" (the default of every asOf) for reproducible answers in tests. */
  today?: string;
  /** Extra plugins (limits, logging); see src/api/plugins/. */
  plugins?: Plugin[];
  /** GraphiQL in a browser; follows `introspection` (GraphiQL needs it) unless set. */
  graphiql?: boolean;
  /** Whether introspection is allowed; overrides `limits.introspection` when set. */
  introspection?: boolean;
  /** What requests may ask for; DEFAULT_LIMITS when omitted (src/config.ts reads them from the environment). */
  limits?: Limits;
  /**
   * How answers are completed: 'shaped' (execute.ts: one walk over each translated answer) or 'generic'
   * (graphql-tools' executor, a resolver call per field). Both give the same responses; 'generic' is there to
   * compare them.
   */
  execution?: 'shaped' | 'generic';
  /**
   * Whether an operation text seen before skips the pipeline up to execution (plugins/use-prepared-operations.ts).
   * On by default with shaped execution, and off when `plugins` are given (they may need to see every
   * execution) unless set.
   */
  prepare?: boolean;
}

const useDateValidation = (): Plugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(validDateLiterals);
  },
});

const useShapedExecution = (execute: ReturnType<typeof createShapedExecute>): Plugin => ({
  onExecute({ setExecuteFn }) {
    setExecuteFn(execute);
  },
});

/** What a client is told instead of an unexpected error's own message. */
const MASKED_MESSAGE = 'Unexpected error.';

/**
 * What the pipeline's execution hooks do to an error, for the prepared operations that skip them: hide
 * suggestions (useHiddenSuggestions), then mask an unexpected error and log it (yoga's maskedErrors, with the
 * same function and message).
 */
function finishError(error: unknown, logger: YogaLogger | undefined): GraphQLError {
  const shown = error instanceof Error ? hideSuggestions(error) : error;
  const masked = maskError(shown, MASKED_MESSAGE, false);
  if (masked !== shown) logger?.error(shown);
  return masked as GraphQLError;
}

/**
 * The API's CORS policy. The data is public and the API takes no credentials: any page may read it from the
 * browser, but yoga's default (echo the origin and allow credentials) would tell browsers to send cookies
 * along. So no credentials, and only the methods the API answers.
 */
export const CORS = { credentials: false, methods: ['GET', 'POST'] };

export type YogaApi = YogaServerInstance<Record<string, unknown>, ApiContext>;

export interface Api {
  yoga: YogaApi;
  /** The operations admitted so far, when operations are prepared (ApiOptions.prepare). */
  prepared?: PreparedOperations;
}

export function createApi(options: ApiOptions): YogaApi {
  return buildApi(options).yoga;
}

/** The GraphQL handler and, when operations are prepared, what it has admitted (for fast-lane.ts). */
export function buildApi(options: ApiOptions): Api {
  const schema = buildSchema();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const introspection = options.introspection ?? limits.introspection;
  const graph = gatedGraph(options.graph, new QueryGate(limits.maxConcurrentQueries, limits.queueTimeoutMs));
  const context = (): ApiContext => ({
    graph,
    cypherBudget: { left: limits.maxCypherChars, limit: limits.maxCypherChars },
    ...(options.today ? { today: options.today } : {}),
  });
  const shaped = options.execution === 'generic' ? undefined : createShapedExecute({ root: rootResolver, byResponseKey });
  const prepared = shaped && (options.prepare ?? !options.plugins?.length) ? new PreparedOperations({ schema, execute: shaped, context, finishError }) : undefined;
  const yoga = createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // useBodyLimit below enforces the body size (by Content-Length, else counting a chunked body). Yoga's own
    // limit would pipe every body through a TransformStream, even a declared small one: half of yoga's CPU
    // per request.
    maxRequestBodySize: false,
    // /health and /ready are useProbes' (plugins/use-probes.ts): yoga's check took any URL ending in /health.
    healthCheckEndpoint: NO_YOGA_HEALTH_CHECK,
    landingPage: false,
    graphiql: options.graphiql ?? introspection,
    // Only GraphQLErrors (bad input, limits, EntenteErrors mapped in schema.ts) keep their message; anything
    // else becomes "Unexpected error." with no stack, even under NODE_ENV=development.
    maskedErrors: { isDev: false, errorMessage: MASKED_MESSAGE, maskError },
    cors: CORS,
    batching: limits.maxBatch > 0 ? { limit: limits.maxBatch } : false,
    context,
    plugins: [
      useBodyLimit(limits.maxBodyBytes),
      useTokenLimit(limits.maxTokens),
      ...useOperationLimits(limits),
      useIntrospectionSwitch(introspection),
      useQueriesOnly(),
      useHiddenSuggestions(),
      useCleanErrors(),
      useDateValidation(),
      ...(shaped ? [useShapedExecution(shaped)] : []),
      ...(prepared ? [prepared.plugin] : []),
      // Readiness asks past the gate: a busy server is still a ready one.
      useProbes(options.graph, limits.readyTimeoutMs),
      ...(options.plugins ?? []),
    ],
  });
  return { yoga, ...(prepared ? { prepared } : {}) };
}
