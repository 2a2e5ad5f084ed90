/**
 * /ready: 200 when the database answers and its schema (every constraint and index of cypher/schema/) is
 * online, else 503, within `timeoutMs` even when the database does not answer at all.
 *
 * Not yoga's useReadinessCheck: for every request that is not /ready (every GraphQL request), it tests the
 * URL against a URLPattern, whose polyfill parses it twice more, a tenth of the CPU yoga spends on a prepared
 * operation; and it takes any URL that ends in /ready, a GraphQL GET's query string included. Here the path
 * is read off the URL the server adapter has already parsed.
 */
import type { Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/graph.ts';
import { schemaIsApplied } from '../../graph/schema.ts';

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
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== '/ready') return;
      return ready().then((ok) => endResponse(new fetchAPI.Response(null, { status: ok ? 200 : 503 })));
    },
  };
}
