/**
 * Refuses mutations and subscriptions while validating, so they get a 400 and a sentence instead of an
 * execution error: the API has neither, and every write goes through the command line.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useQueriesOnly(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext): ASTVisitor => ({
        OperationDefinition(node) {
          if (node.operation === 'query') return;
          context.reportError(new GraphQLError(`This API only answers queries; it has no ${node.operation}s (seeding and imports run through the command line).`, {
            nodes: [node],
            extensions: { code: 'OPERATION_NOT_SUPPORTED' },
          }));
        },
      }));
    },
  };
}
