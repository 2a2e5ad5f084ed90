/** Refuses `__schema` and `__type` when introspection is switched off (`__typename` stays allowed). */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useIntrospectionSwitch(enabled: boolean): Plugin {
  if (enabled) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext): ASTVisitor => ({
        Field(node) {
          if (node.name.value === '__schema' || node.name.value === '__type') {
            context.reportError(new GraphQLError('Introspection is switched off on this server; the schema is documented in the repository (src/api/schema.graphql).', {
              nodes: [node],
              extensions: { code: 'INTROSPECTION_DISABLED' },
            }));
          }
        },
      }));
    },
  };
}
