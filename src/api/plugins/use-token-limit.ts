/**
 * Limits the lexical tokens of a document while it is parsed (graphql's own `maxTokens`), so a huge
 * document is refused before it costs memory or validation time.
 */
import { GraphQLError, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useTokenLimit(maxTokens: number): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(error.message)) {
            throw new GraphQLError(`The query has more than ${maxTokens} tokens (names, punctuation and values); shorten it or split it into several queries.`, {
              extensions: { code: 'TOO_MANY_TOKENS', http: { status: 400 } },
            });
          }
          throw error;
        }
      });
    },
  };
}
