/**
 * /ready: 200 when the database answers and its schema (every constraint and index of cypher/schema/) is
 * online, else 503, within `timeoutMs` even when the database does not answer at all.
 */
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/graph.ts';
import { schemaIsApplied } from '../../graph/schema.ts';

export function useReady(graph: Graph, timeoutMs: number): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return await Promise.race([schemaIsApplied(graph).catch(() => false), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  });
}
