/**
 * Removes graphql's "Did you mean ...?" hints from every error (unknown fields, arguments, types, enum
 * values, also inside variables), so the schema cannot be mapped by guessing when introspection is off.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function hideSuggestions<E extends Error>(error: E): E | GraphQLError {
  if (!(error instanceof GraphQLError)) return error;
  const message = error.message.replace(SUGGESTION, '');
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}

export function useHiddenSuggestions(): Plugin {
  return {
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map(hideSuggestions));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (single.errors?.length) setResult({ ...single, errors: single.errors.map(hideSuggestions) });
        },
      };
    },
  };
}
