/**
 * The fast lane: a POST of an operation the API has admitted before (plugins/use-prepared-operations.ts) is
 * answered straight from node:http, without yoga's Fetch API layer (a Request and a Response object, their
 * headers and body streams, the content negotiation and the promise chain around them: about 100 µs of CPU
 * a request in a profile of the server under the benchmark's load, a fifth of its CPU on a small lookup).
 *
 * Only the plainest requests take it, and only with the plainest answers; everything else is yoga's, as if
 * the lane were not there:
 * - `POST /graphql` with a Content-Length within the body limit, no Transfer-Encoding or Content-Encoding,
 *   Content-Type `application/json` (with `charset=utf-8` or none);
 * - an Accept header that names one of the answer's content types, or none (ACCEPTED below);
 * - a body that is one JSON object of the GraphQL parameters alone, of the types yoga requires, whose
 *   operation is admitted and picked out as a query (`PreparedOperations.lookup`).
 *
 * A request that fails any of this after its body was read goes to yoga with the body it read (yoga's node
 * adapter takes a body a framework has already read from `req.body`). An answer with errors goes to yoga too,
 * with the result already made, so that its status and headers come from yoga's own result processing and the
 * operation is not run twice. So the lane writes only a 200 with the data, with the content type and the CORS
 * headers yoga would give it (its own function, with the API's CORS policy). test/api/fast-lane.test.ts sends
 * each request of a corpus once through yoga and once through the lane and requires the same answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getCORSHeadersByRequestAndOptions } from '@whatwg-node/server';
import { isPromise } from 'graphql-yoga';
import type { OperationParams, PreparedOperations } from './plugins/use-prepared-operations.ts';
import { CORS, type YogaApi } from './yoga.ts';

/** Accept headers the lane answers, with the content type yoga's negotiation gives each. */
const ACCEPTED = new Map<string | undefined, string>([
  [undefined, 'application/json; charset=utf-8'],
  ['*/*', 'application/json; charset=utf-8'],
  ['application/json', 'application/json; charset=utf-8'],
  ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
  ['application/graphql-response+json, application/json', 'application/graphql-response+json; charset=utf-8'],
]);

const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8']);

const PARAMETERS = new Set(['query', 'variables', 'operationName', 'extensions']);

export interface FastLaneOptions {
  yoga: YogaApi;
  prepared: PreparedOperations;
  /** The body limit (Limits.maxBodyBytes): a larger body is yoga's, whose useBodyLimit answers it. */
  maxBodyBytes: number;
}

/** A node:http request listener for the API: the lane where it applies, yoga everywhere else. */
export function fastLane({ yoga, prepared, maxBodyBytes }: FastLaneOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const type = answerType(req, maxBodyBytes);
    if (!type) {
      void yoga(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const toYoga = (context?: object) => {
        // A Buffer, as yoga's adapter reads it from `req.body`: it decodes the bytes as it would have the stream.
        (req as IncomingMessage & { body?: Buffer }).body = body;
        void yoga(req, res, context as Record<string, unknown>);
      };
      const params = operationParams(body);
      const document = params && prepared.lookup(params);
      if (!params || !document) {
        toYoga();
        return;
      }
      const send = (result: object) => {
        if (!onlyData(result)) {
          toYoga(prepared.answering(params.query as string, result));
          return;
        }
        const text = JSON.stringify(result);
        const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) };
        const cors = getCORSHeadersByRequestAndOptions({ headers: { get: (name: string) => header(req, name) ?? null } } as unknown as Request, CORS);
        res.writeHead(200, cors ? { ...headers, ...cors } : headers).end(text);
      };
      const result = prepared.execute(document, params, { req, res });
      if (isPromise(result)) result.then(send, () => toYoga());
      else send(result);
    });
  };
}

/** The content type of the lane's answer to `req`, or undefined when the request is not the lane's. */
function answerType(req: IncomingMessage, maxBodyBytes: number): string | undefined {
  if (req.method !== 'POST' || req.url !== '/graphql') return undefined;
  const length = header(req, 'content-length');
  if (!length || !/^[1-9][0-9]*$/.test(length) || Number(length) > maxBodyBytes) return undefined;
  if (req.headers['transfer-encoding'] !== undefined || req.headers['content-encoding'] !== undefined) return undefined;
  const contentType = header(req, 'content-type')?.toLowerCase();
  if (!contentType || !JSON_TYPES.has(contentType)) return undefined;
  return ACCEPTED.get(header(req, 'accept'));
}

/** A header given once; undefined when absent or repeated (an array, left to yoga). */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The GraphQL parameters of a body that holds them alone, of the types yoga requires; else undefined. */
function operationParams(body: Buffer): OperationParams | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf-8'));
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  for (const key of Object.keys(parsed)) if (!PARAMETERS.has(key)) return undefined;
  const { query, variables, operationName, extensions } = parsed;
  if (typeof query !== 'string') return undefined;
  if (variables !== undefined && variables !== null && !isObject(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) return undefined;
  return parsed as OperationParams;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A result of data alone: no errors, no extensions, not answered in parts. */
function onlyData(result: object): boolean {
  const keys = Object.keys(result);
  return keys.length === 1 && keys[0] === 'data' && !(Symbol.asyncIterator in result);
}
