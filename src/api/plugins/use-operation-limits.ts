/**
 * Limits on the shape of an operation, checked before anything runs: depth, aliases, cost and directives
 * (graphql-armor's validation rules), each reported as an error with its own code and a sentence saying
 * what to do instead.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from './limits.ts';

type ArmorConfig = NonNullable<ConstructorParameters<typeof EnvelopArmor>[0]>;
type Rejection = (context: ValidationContext | null, error: GraphQLError) => void;

/** Turns armor's "Syntax Error: ... found N." into our own error with a stable code. */
function reject(code: string, sentence: (found: string) => string): Rejection {
  return (context, error) => {
    const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? 'more';
    context?.reportError(new GraphQLError(sentence(found), { extensions: { code } }));
  };
}

export function useOperationLimits(limits: Pick<Limits, 'maxDepth' | 'maxAliases' | 'maxCost' | 'maxDirectives'>): Plugin[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  const config: ArmorConfig = {
    maxDepth: {
      ...common,
      n: limits.maxDepth,
      // A fragment is a way of writing a selection, not a level of nesting.
      flattenFragments: true,
      onReject: [reject('QUERY_TOO_DEEP', (found) =>
        `The query nests fields ${found} levels deep; at most ${limits.maxDepth} are allowed. Ask for fewer nested levels, or split it into several queries.`)],
    },
    maxAliases: {
      ...common,
      n: limits.maxAliases,
      onReject: [reject('TOO_MANY_ALIASES', (found) =>
        `The query has ${found} aliases; at most ${limits.maxAliases} are allowed. Use list fields or filters instead of one alias per item, or split the query.`)],
    },
    costLimit: {
      ...common,
      maxCost: limits.maxCost,
      flattenFragments: true,
      onReject: [reject('QUERY_TOO_COSTLY', (found) =>
        `The query's estimated cost is ${found}; at most ${limits.maxCost} is allowed. Ask for smaller pages (first), fewer fields or fewer nested lists.`)],
    },
    maxDirectives: {
      ...common,
      n: limits.maxDirectives,
      onReject: [reject('TOO_MANY_DIRECTIVES', (found) =>
        `The query has ${found} directives; at most ${limits.maxDirectives} are allowed.`)],
    },
    // Tokens are limited by graphql's own parser (use-token-limit.ts), suggestions by use-hidden-suggestions.ts,
    // which also covers the suggestions of variable and enum errors.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  };
  return new EnvelopArmor(config).protect().plugins as Plugin[];
}
