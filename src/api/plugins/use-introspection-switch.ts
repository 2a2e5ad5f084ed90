/**
 * Refuses `__schema` and `__type` when introspection is switched off (`__typename` stays allowed), except
 * for the one probe the dashboard and `npm run export` make (src/export/network.ts, `detectCapabilities`):
 * the names of the root fields and of their arguments, which the public schema file states anyway.
 */
import { GraphQLError, parse, print, type ASTVisitor, type FieldNode, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const ALLOWED_PROBES = new Set(
  ['{ __type(name: "Query") { fields { name args { name } } } }'].map((text) => {
    const operation = parse(text).definitions[0] as OperationDefinitionNode;
    return print(operation.selectionSet.selections[0]!);
  }),
);

function isAllowedProbe(node: FieldNode): boolean {
  return node.name.value === '__type' && !node.alias && ALLOWED_PROBES.has(print(node));
}

export function useIntrospectionSwitch(enabled: boolean): Plugin {
  if (enabled) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext): ASTVisitor => ({
        Field(node) {
          if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
          // Inside an allowed probe, `fields` and `args` are ordinary fields: nothing below needs a look.
          if (isAllowedProbe(node)) return false;
          context.reportError(new GraphQLError('Introspection is switched off on this server; the schema is published in the repository (src/api/schema.graphql).', {
            nodes: [node],
            extensions: { code: 'INTROSPECTION_DISABLED' },
          }));
          return undefined;
        },
      }));
    },
  };
}
