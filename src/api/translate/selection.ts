/**
 * Stage 1, resolve tree: the GraphQL selection under a root field, with fragments inlined, @skip/@include
 * applied, arguments evaluated, and every field keyed by its response name (alias).
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isListType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

export interface FieldSel {
  /** The response key: the alias, or the field name. */
  alias: string;
  name: string;
  args: Record<string, unknown>;
  /** The named type the field returns. */
  type: string;
  /** Whether the field returns a list of that type. */
  list: boolean;
  fields: FieldSel[];
}

export function rootSelection(info: GraphQLResolveInfo): FieldSel {
  const parent = info.parentType;
  const node = info.fieldNodes[0]!;
  const def = parent.getFields()[node.name.value]!;
  const type = getNamedType(def.type);
  return {
    alias: node.alias?.value ?? node.name.value,
    name: node.name.value,
    args: getArgumentValues(def, node, info.variableValues),
    type: type.name,
    list: isListType(getNullableType(def.type)),
    fields: isObjectType(type) ? collect(info, type, info.fieldNodes.map((n) => n.selectionSet)) : [],
  };
}

function included(info: GraphQLResolveInfo, node: FieldNode | { directives?: FieldNode['directives'] }): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, info.variableValues);
  return include?.if !== false;
}

function collect(info: GraphQLResolveInfo, type: GraphQLObjectType, sets: (SelectionSetNode | undefined)[]): FieldSel[] {
  // Field nodes with the same response key merge (validation guarantees they are the same field and args).
  const byKey = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (!included(info, selection)) continue;
      if (selection.kind === 'Field') {
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, [...(byKey.get(key) ?? []), selection]);
      } else if (selection.kind === 'InlineFragment') {
        if (!selection.typeCondition || selection.typeCondition.name.value === type.name) visit(selection.selectionSet, seen);
      } else {
        const name = selection.name.value;
        const fragment = info.fragments[name];
        if (!fragment || seen.has(name) || fragment.typeCondition.name.value !== type.name) continue;
        visit(fragment.selectionSet, new Set([...seen, name]));
      }
    }
  };
  sets.forEach((set) => visit(set, new Set()));
  const fields: FieldSel[] = [];
  for (const [alias, nodes] of byKey) {
    const first = nodes[0]!;
    const name = first.name.value;
    if (name === '__typename') {
      fields.push({ alias, name, args: {}, type: 'String', list: false, fields: [] });
      continue;
    }
    const def = type.getFields()[name];
    if (!def) continue;
    const named = getNamedType(def.type);
    fields.push({
      alias,
      name,
      args: getArgumentValues(def, first, info.variableValues),
      type: named.name,
      list: isListType(getNullableType(def.type)),
      fields: isObjectType(named) ? collect(info, named, nodes.map((n) => n.selectionSet)) : [],
    });
  }
  return fields;
}
