/**
 * The probes, each answered at its path and nowhere else:
 * - /health: 200 while the process runs; it asks nothing of the database.
 * - /ready: 200 when the database answers and its schema (every constraint and index of cypher/schema/) is
 *   online, else 503, within `timeoutMs` even when the database does not answer at all.
 *
 * Not yoga's own checks. Its health check (always installed, ahead of every plugin) and its useReadinessCheck
 * take any URL that ends in their path: `GET /graphql?query={__typename}&next=/health` got an empty 200
 * instead of its answer, and so did `/anything/health`. The readiness check also tested every GraphQL
 * request's URL against a URLPattern, whose polyfill parses it twice more. Here the path is read off the URL
 * the server adapter has already parsed. yoga.ts gives yoga's health check a path no request can end in
 * (NO_YOGA_HEALTH_CHECK).
 */
import type { Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/graph.ts';
import { schemaIsApplied } from '../../graph/schema.ts';

/**
 * yoga's `healthCheckEndpoint`, which cannot be switched off: it tests the end of the request's URL as the
 * client sent it, and no HTTP request target holds a space (Node's parser refuses one), so this suffix never
 * matches.
 */
export const NO_YOGA_HEALTH_CHECK = ' (answered by useProbes)';

export function useProbes(graph: Graph, timeoutMs: number): Plugin {
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
      if (url.pathname === '/health') return endResponse(new fetchAPI.Response(null, { status: 200 }));
      if (url.pathname !== '/ready') return;
      return ready().then((ok) => endResponse(new fetchAPI.Response(null, { status: ok ? 200 : 503 })));
    },
  };
}
