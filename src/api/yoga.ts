/**
 * The GraphQL handler: the schema of schema.graphql, date literals checked with the argument's name,
 * unexpected errors masked (no stack traces, Cypher or driver messages), and readiness that asks the
 * database.
 */
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Graph } from '../graph/graph.ts';
import { schemaIsApplied } from '../graph/schema.ts';
import { buildSchema, type ApiContext } from './schema.ts';
import { validDateLiterals } from './validate-dates.ts';

export interface ApiOptions {
  graph: Graph;
  /** Fixes "today" (the default of every asOf) for reproducible answers in tests. */
  today?: string;
  /** Extra plugins (limits, logging); see src/api/plugins/. */
  plugins?: Plugin[];
  graphiql?: boolean;
  /** Whether introspection is allowed; on unless switched off for production. */
  introspection?: boolean;
}

const useDateValidation = (): Plugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(validDateLiterals);
  },
});

export function createApi(options: ApiOptions): YogaServerInstance<Record<string, unknown>, ApiContext> {
  const schema = buildSchema();
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql ?? true,
    maskedErrors: true,
    context: () => ({ graph: options.graph, ...(options.today ? { today: options.today } : {}) }),
    plugins: [
      useDateValidation(),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            return await schemaIsApplied(options.graph);
          } catch {
            return false;
          }
        },
      }),
      ...(options.plugins ?? []),
    ],
  });
}
