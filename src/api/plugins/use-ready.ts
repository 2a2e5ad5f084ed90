/**
 * /ready: 200 when the database answers and its schema (every constraint and index of cypher/schema/) is
 * online, else 503, within `timeoutMs` even when the database does not answer at all.
 *
 * Not yoga's useReadinessCheck: for every request that is not /ready (every GraphQL request), it parses the
 * URL again and tests it against a URLPattern, whose polyfill parses it twice more; a tenth of the CPU yoga
 * spends on a prepared operation. Here the path is read off the request's URL once, by one expression.
 */
import type { Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/graph.ts';
import { schemaIsApplied } from '../../graph/schema.ts';

/** An absolute URL (as requests carry) whose path is exactly /ready, with or without a query. */
const READY_URL = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*\/ready(?:[?#]|$)/i;

export function useReady(graph: Graph, timeoutMs: number): Plugin {
  const ready = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([schemaIsApplied(graph).catch(() => false), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (!READY_URL.test(request.url)) return;
      return ready().then((ok) => endResponse(new fetchAPI.Response(null, { status: ok ? 200 : 503 })));
    },
  };
}
