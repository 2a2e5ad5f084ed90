/**
 * The executable schema: the SDL in `schema.graphql` is the source of truth; every root field is answered by
 * translating its whole selection into one Cypher query (translate/), run in a read transaction.
 * Nested objects arrive keyed by their response keys (translate/ keys the positions Neo4j returns), so every
 * other field reads its alias; the shaped executor (execute.ts) does that reading itself, in one walk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { EntenteError, isEntenteError } from '../errors.ts';
import { loadAllCypher } from '../graph/cypher.ts';
import type { Graph } from '../graph/graph.ts';
import { today } from '../model/dates.ts';
import { DateScalar } from './scalars.ts';
import { rootSelection } from './translate/selection.ts';
import { ROOTS, translate } from './translate/roots.ts';

export const SCHEMA_FILE = join(import.meta.dirname, 'schema.graphql');

export interface ApiContext {
  graph: Graph;
  /** The day `asOf` defaults to; fixed per request. */
  today?: string;
  /** What is left of the request's Cypher budget (`maxCypherChars`, limits.ts); no budget when absent. */
  cypherBudget?: { left: number; limit: number };
}

/** Errors a user can act on keep their message and code; the rest is masked by the server. */
export function toGraphQLError(error: unknown): unknown {
  if (isEntenteError(error)) {
    if (error.code === 'DATABASE_ERROR') {
      // The user sees one masked sentence; the operator needs the cause (never a value or a credential:
      // queries carry parameters only, so the driver's message holds no user input).
      const cause = error.cause as { code?: string; message?: string } | undefined;
      console.error(`[entente] database error ${cause?.code ?? ''}: ${(cause?.message ?? '').split('\n')[0]}`);
    }
    return new GraphQLError(error.message, {
      extensions: { code: error.code, ...(error.details.argument ? { argument: error.details.argument } : {}) },
    });
  }
  return error;
}

export const rootResolver: GraphQLFieldResolver<unknown, ApiContext> = async (_source, _args, context, info) => {
  try {
    const query = translate(rootSelection(info), context.today ?? today());
    spend(context.cypherBudget, query.cypher.length);
    const rows = await context.graph.readText<{ result: unknown }>(query.cypher, query.params);
    return query.finish(rows);
  } catch (error) {
    throw toGraphQLError(error);
  }
};

/** Takes a root field's Cypher from the request's budget: too large a request is refused before Neo4j plans it. */
function spend(budget: ApiContext['cypherBudget'], chars: number): void {
  if (!budget) return;
  budget.left -= chars;
  if (budget.left >= 0) return;
  throw new EntenteError(
    'QUERY_TOO_COMPLEX',
    `The query asks for too much at once: it translates to more than the ${budget.limit} characters of Cypher a request may have. Ask for fewer fields or fewer nested lists, or split it into several requests.`,
  );
}

export const byResponseKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _context, info) =>
  source?.[info.path.key as string];

export function buildSchema(): GraphQLSchema {
  // Every statement the API may run is read now: a missing file stops the start, not a request.
  loadAllCypher(['api', 'schema-support']);
  const typeDefs = readFileSync(SCHEMA_FILE, 'utf8');
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: {
      // Only the behaviour: the description stays the SDL's.
      Date: { serialize: DateScalar.serialize, parseValue: DateScalar.parseValue, parseLiteral: DateScalar.parseLiteral },
    },
  });
  // Set here rather than through makeExecutableSchema, which would bind copies: execute.ts knows these two
  // resolvers by identity.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const resolve = type === schema.getQueryType() ? rootResolver : byResponseKey;
    for (const field of Object.values(type.getFields())) field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
  const roots = schema.getQueryType()!.getFields();
  const missing = Object.keys(roots).filter((name) => !(name in ROOTS));
  if (missing.length > 0) throw new Error(`schema.graphql has root fields without a translation: ${missing.join(', ')}`);
  const extra = Object.keys(ROOTS).filter((name) => !(name in roots));
  if (extra.length > 0) throw new Error(`translations without a root field in schema.graphql: ${extra.join(', ')}`);
  return schema;
}
