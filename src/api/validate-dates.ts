/**
 * A validation rule that reports every Date literal that is not a real YYYY-MM-DD date, naming the argument
 * (or input field) and the value: `Argument "asOf" has an invalid date "2024-13-45": ...`.
 */
import { GraphQLError, getNamedType, isInputObjectType, Kind, type ASTVisitor, type ValidationContext, type ValueNode } from 'graphql';
import { dateProblem, isFullDate } from './scalars.ts';

export function validDateLiterals(context: ValidationContext): ASTVisitor {
  const check = (value: ValueNode, name: string, type: unknown) => {
    const named = getNamedType(type as never) as unknown;
    if (!named) return;
    if ((named as { name?: string }).name === 'Date') {
      if (value.kind === Kind.VARIABLE || value.kind === Kind.NULL) return;
      const text = value.kind === Kind.STRING ? value.value : (value as { value?: unknown }).value;
      if (!isFullDate(text)) {
        context.reportError(new GraphQLError(`${name} has an invalid date: ${dateProblem(text)}.`, { nodes: [value], extensions: { code: 'BAD_USER_INPUT' } }));
      }
    } else if (isInputObjectType(named) && value.kind === Kind.OBJECT) {
      const fields = named.getFields();
      for (const field of value.fields) {
        const def = fields[field.name.value];
        if (def) check(field.value, `${name.replace(/"$/, '')}.${field.name.value}"`, def.type);
      }
    } else if (value.kind === Kind.LIST) {
      for (const item of value.values) check(item, name, type);
    }
  };
  return {
    Argument(node) {
      const arg = context.getArgument();
      if (arg) check(node.value, `Argument "${node.name.value}"`, arg.type);
    },
  };
}
