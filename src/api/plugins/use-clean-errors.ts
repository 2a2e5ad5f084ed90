/**
 * Every error leaves with its message, locations, path and only the extensions a client can use (`code`,
 * `argument`): whatever else a library attaches (yoga's `originalError` of a JSON parse failure, a stack in
 * development) stays on the server. Unexpected errors are masked before this by yoga's `maskedErrors`.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** `http` is yoga's own (status and headers of the response); it strips it from the body itself. */
const KEPT = new Set(['code', 'argument', 'http']);

function clean(error: GraphQLError): GraphQLError {
  const keys = Object.keys(error.extensions ?? {});
  if (keys.every((key) => KEPT.has(key))) return error;
  const extensions: Record<string, unknown> = Object.fromEntries(Object.entries(error.extensions).filter(([key]) => KEPT.has(key)));
  const http = extensions.http as { spec?: boolean } | undefined;
  if ('originalError' in error.extensions && http?.spec) {
    // Yoga reads an originalError as "the request itself was malformed" and then keeps the error's 400 even
    // for application/json; without it, `spec` would turn that 400 into a 200.
    const { spec: _spec, ...rest } = http;
    extensions.http = rest;
  }
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
}

function cleanResult(result: unknown): unknown {
  const single = result as ExecutionResult;
  if (!single || typeof single !== 'object' || !Array.isArray(single.errors)) return result;
  return { ...single, errors: single.errors.map((error) => (error instanceof GraphQLError ? clean(error) : error)) };
}

export function useCleanErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      // Async iterables (subscriptions, @defer) are not served by this API.
      if (Array.isArray(result)) setResult(result.map(cleanResult) as typeof result);
      else if (!(Symbol.asyncIterator in (result as object))) setResult(cleanResult(result) as typeof result);
    },
  };
}
