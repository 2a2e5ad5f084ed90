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
 * reads the request too, which operation the request names, is made here (`lookup`), and a request it does not
 * pass goes the whole way. The execution result gets what the pipeline's execution hooks would give it:
 * suggestions hidden, unexpected errors masked and logged (`finishError` in yoga.ts: a plugin that changes
 * execution results must be added there too). test/api/prepared.test.ts sends each request of a corpus twice
 * and requires the same answer both times.
 *
 * The HTTP server's fast lane (src/api/fast-lane.ts) runs admitted operations through `lookup` and `execute`
 * before yoga sees the request at all, and hands yoga an answer with errors to send (`answering`).
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

/** A request's GraphQL parameters, as the client sent them. */
export interface OperationParams {
  query?: unknown;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A result executed before yoga saw the request, for yoga to send: the server context's key for it. */
const ANSWER = Symbol('prepared answer');

export interface Answered {
  [ANSWER]?: { query: string; result: object };
}

/** One result, not one answered in parts. */
function single(result: object): result is ExecutionResult {
  return !(Symbol.asyncIterator in result) && !('initialResult' in result);
}

export class PreparedOperations {
  readonly plugin: Plugin;
  private readonly max: number;
  private readonly admitted = new Map<string, DocumentNode>();
  private logger: YogaLogger | undefined;

  constructor(private readonly options: PreparedOperationsOptions) {
    this.max = options.max ?? 1000;
    this.plugin = this.createPlugin();
  }

  /**
   * The admitted query `params` pick out, or undefined when the request must go the whole way: a text not
   * admitted, or one whose operation the request's `operationName` does not pick out as a query (the one check
   * of the pipeline that reads the request as well as the text, yoga's usePreventMutationViaGET, among them).
   */
  lookup(params: OperationParams): DocumentNode | undefined {
    const document = typeof params.query === 'string' ? this.admitted.get(params.query) : undefined;
    const operation = document && getOperationAST(document, params.operationName ?? undefined);
    return operation?.operation === 'query' ? document : undefined;
  }

  /** Executes an admitted `document` in a context made of `base` and the request's; errors as the hooks leave them. */
  execute(document: DocumentNode, params: OperationParams, base: object): object | Promise<object> {
    const contextValue = Object.assign(base, { params }, this.options.context());
    try {
      const result = this.options.execute({
        schema: this.options.schema,
        document,
        contextValue,
        variableValues: params.variables,
        operationName: params.operationName,
      });
      return isPromise(result)
        ? result.then((done) => this.finish(done), (error: unknown) => ({ errors: [this.options.finishError(error, this.logger)] }))
        : this.finish(result);
    } catch (error) {
      return { errors: [this.options.finishError(error, this.logger)] };
    }
  }

  /**
   * A server context for yoga (the third argument of its node:http listener) that holds a result `execute` made
   * for `query`: yoga then answers the request with it, through its own result processing, instead of
   * executing the operation again.
   */
  answering(query: string, result: object): Answered {
    return { [ANSWER]: { query, result } };
  }

  private finish(result: object): object {
    if (!single(result) || !result.errors?.length) return result;
    return { ...result, errors: result.errors.map((error) => this.options.finishError(error, this.logger)) };
  }

  private createPlugin(): Plugin {
    return {
      onYogaInit: ({ yoga }) => {
        this.logger = yoga.logger;
      },
      onExecute: ({ args }) => {
        // Reached only after parsing and validation passed; the context holds the request's parameters.
        const query = (args.contextValue as { params?: OperationParams } | undefined)?.params?.query;
        if (typeof query !== 'string' || this.admitted.has(query)) return;
        return {
          onExecuteDone: ({ result }) => {
            // An operation answered in parts (@defer, @stream) would need the hooks' handling of streams.
            if (!single(result) || this.admitted.has(query)) return;
            if (this.admitted.size >= this.max) this.admitted.delete(this.admitted.keys().next().value!);
            this.admitted.set(query, args.document);
          },
        };
      },
      onParams: ({ paramsHandler, setParamsHandler }) => {
        setParamsHandler((payload) => {
          const params = payload.params as OperationParams;
          const document = this.lookup(params);
          // Anything but one query it picks out goes the whole way, to get the pipeline's own answer.
          if (!document) return paramsHandler(payload);
          const context = payload.context as Answered;
          const answered = context[ANSWER];
          if (answered) {
            delete context[ANSWER];
            if (answered.query === params.query) return answered.result as ExecutionResult;
          }
          return this.execute(document, params, Object.assign(payload.context, { request: payload.request })) as ExecutionResult | Promise<ExecutionResult>;
        });
      },
    };
  }
}
