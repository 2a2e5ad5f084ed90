/**
 * Operations already admitted go straight to the executor. An operation's text that has once come through
 * the whole pipeline to execution has passed everything that depends on the text alone: parsing, the token
 * limit, validation with every rule of src/api/plugins/ (depth, aliases, cost, directives, queries only,
 * introspection, date literals). So when the same text comes again, its parsed document is executed at once,
 * without envelop building its pipeline for the request (about a fifth of the server's CPU on a small lookup;
 * BENCHMARKS.md). At most `max` texts are kept (1,000 unless set), about as many as yoga's own cache of parsed
 * documents keeps (1,024).
 *
 * Everything that depends on the request still runs as before, because only yoga's params handler is replaced:
 * the body limit, the method and the parameters' checks (yoga's own onParams hook runs after this one), the
 * batch limit, and the result processing (status, headers, error cleaning). The one check after parsing that
 * reads the request too, which operation the request names, is made here, and a request it does not pass goes
 * the whole way. The execution result gets what the pipeline's execution hooks would give it: suggestions
 * hidden, unexpected errors masked and logged (`finishError` in yoga.ts: a plugin that changes execution
 * results must be added there too). test/api/prepared.test.ts sends each request of a corpus twice and
 * requires the same answer both times.
 */
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import { isPromise, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { createShapedExecute } from '../execute.ts';

export interface PreparedOperationsOptions {
  schema: GraphQLSchema;
  /** The executor the pipeline runs (src/api/execute.ts). */
  execute: ReturnType<typeof createShapedExecute>;
  /** The request's context, as yoga's `context` option builds it. */
  context: () => object;
  /** What the pipeline's execution hooks do to an error (hide suggestions, then mask). */
  finishError: (error: unknown, logger: YogaLogger | undefined) => GraphQLError;
  /** How many operation texts are kept; the oldest is forgotten first. */
  max?: number;
}

interface Params {
  query?: unknown;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** One result, not one answered in parts. */
function single(result: object): result is ExecutionResult {
  return !(Symbol.asyncIterator in result) && !('initialResult' in result);
}

export function usePreparedOperations(options: PreparedOperationsOptions): Plugin {
  const max = options.max ?? 1000;
  const admitted = new Map<string, DocumentNode>();
  let logger: YogaLogger | undefined;

  const finish = (result: object): object => {
    if (!single(result) || !result.errors?.length) return result;
    return { ...result, errors: result.errors.map((error) => options.finishError(error, logger)) };
  };

  return {
    onYogaInit({ yoga }) {
      logger = yoga.logger;
    },
    onExecute({ args }) {
      // Reached only after parsing and validation passed; the context holds the request's parameters.
      const query = (args.contextValue as { params?: Params } | undefined)?.params?.query;
      if (typeof query !== 'string' || admitted.has(query)) return;
      return {
        onExecuteDone({ result }) {
          // An operation answered in parts (@defer, @stream) would need the hooks' handling of streams.
          if (!single(result) || admitted.has(query)) return;
          if (admitted.size >= max) admitted.delete(admitted.keys().next().value!);
          admitted.set(query, args.document);
        },
      };
    },
    onParams({ paramsHandler, setParamsHandler }) {
      setParamsHandler((payload) => {
        const params = payload.params as Params;
        const document = typeof params.query === 'string' ? admitted.get(params.query) : undefined;
        // The one check of the pipeline that reads the request as well as the text (yoga's
        // usePreventMutationViaGET): which operation to run, and that it is not a mutation by GET. Anything but
        // one query it picks out goes the whole way, to get the pipeline's own answer.
        const operation = document && getOperationAST(document, params.operationName ?? undefined);
        if (!document || operation?.operation !== 'query') return paramsHandler(payload);
        const contextValue = Object.assign(payload.context, { request: payload.request, params }, options.context());
        try {
          const result = options.execute({
            schema: options.schema,
            document,
            contextValue,
            variableValues: params.variables,
            operationName: params.operationName,
          });
          return isPromise(result)
            ? result.then(finish, (error: unknown) => ({ errors: [options.finishError(error, logger)] }))
            : finish(result);
        } catch (error) {
          return { errors: [options.finishError(error, logger)] };
        }
      });
    },
  };
}
