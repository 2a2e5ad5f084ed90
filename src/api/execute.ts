/**
 * Execution for answers that arrive whole. Every root field is answered by one Cypher query whose result the
 * translation keys by response keys (schema.ts), so below a root field only completion is left: null checks,
 * lists, and serializing scalars. graphql-tools' executor (yoga's) does that generically, building a resolve
 * info and calling a resolver for every field of every item; on a large answer that is most of the API's CPU.
 *
 * This executor reads the selection once per request into one completer per position, then walks the answer
 * with them, keeping the executor's rules and errors: the same messages, paths and locations, the same null
 * propagation to the nearest nullable field. It takes only what it was made for (queries whose fields are all
 * the schema's own translated roots and shaped fields, over object types) and hands anything else, unchanged,
 * to graphql-tools' executor: introspection, other resolvers, abstract types, @defer and @stream, errors with
 * coordinates, and requests whose variables or operation do not check (so their errors are the executor's).
 * execute.test.ts beside it (answers built to break each rule) and test/api/execute.test.ts (every field of the
 * schema over the seeded graph) run both executors on the same requests and require the same responses.
 */
import { buildExecutionContext, buildResolveInfo, CRITICAL_ERROR, execute, type ExecutionArgs } from '@graphql-tools/executor';
import { coerceError } from '@graphql-tools/executor/execution/coerceError';
import {
  addPath,
  collectFields,
  collectSubFields,
  createGraphQLError,
  getArgumentValues,
  inspect,
  isIterableObject,
  isPromise,
  locatedError,
  pathToArray,
  type Path,
} from '@graphql-tools/utils';
import {
  GraphQLError,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  TypeNameMetaFieldDef,
  type ExecutionResult,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { put } from './response-object.ts';

/**
 * Which resolvers the executor may stand in for, compared by identity: the translated roots (called as the
 * executor calls them), and reading a shaped answer by response key (which the completers do themselves).
 */
export interface ShapedResolvers {
  root: unknown;
  byResponseKey: unknown;
}

type ExecutionContext = Exclude<ReturnType<typeof buildExecutionContext>, readonly GraphQLError[]>;

/** Completes the value at `key` under `parent` (the path of the object or list holding it). */
type Complete = (value: unknown, parent: Path | undefined, key: string | number, errors: GraphQLError[]) => unknown;

/** A selection this executor does not take; the request goes to graphql-tools' executor instead. */
class NotShaped extends Error {}

/** `generic` takes what this executor does not: graphql-tools' executor unless a test watches the hand-over. */
export function createShapedExecute(resolvers: ShapedResolvers, generic: typeof execute = execute) {
  return function shapedExecute(args: ExecutionArgs) {
    if (args.schemaCoordinateInErrors || args.fieldResolver || args.typeResolver) return generic(args);
    const context = buildExecutionContext(args);
    if (!('schema' in context) || context.operation.operation !== 'query') return generic(args);
    let roots: SelectedField[];
    try {
      const { schema, fragments, variableValues, operation } = context;
      const rootType = schema.getQueryType()!;
      roots = selectedFields(context, resolvers, rootType, collectFields(schema, fragments, variableValues, rootType, operation.selectionSet));
    } catch (error) {
      if (error instanceof NotShaped) return generic(args);
      throw error;
    }
    return executeRoots(context, roots);
  };
}

/** A selected field of an object type (the root included), with the completer for its value. */
interface SelectedField {
  key: string;
  nodes: FieldNode[];
  /** Undefined for `__typename`, which answers its type's name. */
  field?: GraphQLField<unknown, unknown>;
  nonNull: boolean;
  complete: Complete;
}

/**
 * The fields selected on `type`, each with its completer; NotShaped unless every one is `__typename` or resolved
 * by the resolver this executor stands in for there (the translated root on the root type, reading by key below).
 */
function selectedFields(
  context: ExecutionContext,
  resolvers: ShapedResolvers,
  type: GraphQLObjectType,
  { fields, patches }: { fields: Map<string, FieldNode[]>; patches: unknown[] },
): SelectedField[] {
  if (patches.length > 0) throw new NotShaped();
  const expected = type === context.schema.getQueryType() ? resolvers.root : resolvers.byResponseKey;
  const selected: SelectedField[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0]!.name.value;
    if (name === TypeNameMetaFieldDef.name) {
      selected.push({ key, nodes, nonNull: true, complete: () => type.name });
      continue;
    }
    // __schema and __type (introspection) are not among the root type's fields.
    const field = type.getFields()[name];
    if (!field || field.resolve !== expected) throw new NotShaped();
    const site = { context, resolvers, nodes, parentName: type.name, fieldName: name };
    selected.push({ key, nodes, field, nonNull: isNonNullType(field.type), complete: completer(site, field.type) });
  }
  return selected;
}

/** Runs the root resolvers side by side, as the executor runs a query's root fields, and completes each answer. */
function executeRoots(context: ExecutionContext, roots: SelectedField[]): Promise<ExecutionResult> | ExecutionResult {
  context.signal?.throwIfAborted();
  const rootType = context.schema.getQueryType()!;
  const errors = context.errors as GraphQLError[];
  const data: Record<string, unknown> = Object.create(null);
  const pending: Promise<unknown>[] = [];
  try {
    for (const root of roots) {
      const path = addPath(undefined, root.key, rootType.name);
      if (!root.field) {
        data[root.key] = root.complete(undefined, undefined, root.key, errors);
        continue;
      }
      const field = root.field;
      const fail = (raw: unknown) => handleFieldError(raw, root.nodes, path, root.nonNull, errors);
      try {
        const info = buildResolveInfo(context, field, root.nodes, rootType, path);
        const { coerced, sources } = context.variableValues;
        const args = getArgumentValues(field, root.nodes[0]!, coerced, sources);
        const result = field.resolve!(context.rootValue, args, context.contextValue, info);
        if (isPromise(result)) {
          data[root.key] = undefined;
          pending.push(Promise.resolve(result).then((value) => root.complete(value, undefined, root.key, errors)).then(
            (completed) => { data[root.key] = completed; },
            (raw) => { data[root.key] = fail(raw); },
          ));
        } else {
          data[root.key] = root.complete(result, undefined, root.key, errors);
        }
      } catch (raw) {
        data[root.key] = fail(raw);
      }
    }
  } catch (error) {
    return failed(context, error, pending);
  }
  if (pending.length === 0) return respond(data, errors);
  return Promise.all(pending).then(() => respond(data, errors), (error) => failed(context, error, []));
}

function respond(data: Record<string, unknown> | null, errors: GraphQLError[]): ExecutionResult {
  return errors.length === 0 ? { data } : { errors, data };
}

/** A non-null root field failed: no data, as the executor answers (after the fields already running settle). */
async function failed(context: ExecutionContext, error: unknown, pending: Promise<unknown>[]): Promise<ExecutionResult> {
  await Promise.allSettled(pending);
  const errors = context.errors as GraphQLError[];
  const many = (error as { errors?: GraphQLError[] }).errors;
  if (many) errors.push(...many);
  else errors.push(error as GraphQLError);
  return respond(null, errors);
}

/** The executor's handling of a field's error: located at the field, then null, or up to the parent if non-null. */
function handleFieldError(raw: unknown, nodes: FieldNode[], path: Path, nonNull: boolean, errors: GraphQLError[]): null {
  const all = raw instanceof AggregateError ? raw.errors : [raw];
  for (const one of all) {
    const error = locatedError(coerceError(one), nodes, pathToArray(path));
    if (nonNull || error.extensions?.[CRITICAL_ERROR]) throw error;
    errors.push(error);
  }
  return null;
}

/** A field being completed: the request, the field's nodes, and its type's and its own name for messages. */
interface Site {
  context: ExecutionContext;
  resolvers: ShapedResolvers;
  nodes: FieldNode[];
  parentName: string;
  fieldName: string;
}

/** The completer for a value of `type` at a field, built once per request from the selection. */
function completer(site: Site, type: GraphQLOutputType): Complete {
  const { parentName, fieldName } = site;
  if (isNonNullType(type)) {
    const inner = completer(site, type.ofType);
    return (value, parent, key, errors) => {
      if (value instanceof Error) throw value;
      const completed = inner(value, parent, key, errors);
      if (completed === null) throw new Error(`Cannot return null for non-nullable field ${parentName}.${fieldName}.`);
      return completed;
    };
  }
  const some = someCompleter(site, type);
  return (value, parent, key, errors) => {
    if (value instanceof Error) throw value;
    if (value == null) return null;
    return some(value, parent, key, errors);
  };
}

/** The completer for a value that is there (not null) of a nullable `type`. */
function someCompleter(site: Site, type: GraphQLOutputType): Complete {
  const { nodes, parentName, fieldName } = site;
  if (isListType(type)) {
    const item = completer(site, type.ofType);
    const itemNonNull = isNonNullType(type.ofType);
    return (value, parent, key, errors) => {
      if (!isIterableObject(value)) {
        throw createGraphQLError(`Expected Iterable, but did not find one for field "${parentName}.${fieldName}".`);
      }
      const path = addPath(parent, key, undefined);
      const completed: unknown[] = [];
      let index = 0;
      for (const entry of value as Iterable<unknown>) {
        try {
          completed.push(item(entry, path, index, errors));
        } catch (raw) {
          completed.push(handleFieldError(raw, nodes, addPath(path, index, undefined), itemNonNull, errors));
        }
        index++;
      }
      return completed;
    };
  }
  if (isLeafType(type)) {
    return (value) => {
      let serialized: unknown;
      try {
        serialized = type.serialize(value);
      } catch (error) {
        // As the executor does: a GraphQLError from a scalar becomes a plain error (masked for the client).
        if (error instanceof GraphQLError) throw new Error(error.message);
        throw error;
      }
      if (serialized == null) {
        throw new Error(`Expected \`${inspect(type)}.serialize(${inspect(value)})\` to return non-nullable value, returned: ${inspect(serialized)}`);
      }
      return serialized;
    };
  }
  if (isObjectType(type) && !type.isTypeOf) return objectCompleter(site, type);
  throw new NotShaped();
}

function objectCompleter(site: Site, type: GraphQLObjectType): Complete {
  const { schema, fragments, variableValues } = site.context;
  const selected = collectSubFields(schema, fragments, variableValues, type, site.nodes);
  const fields = selectedFields(site.context, site.resolvers, type, selected);
  return (value, parent, key, errors) => {
    const path = addPath(parent, key, undefined);
    const source = value as Record<string, unknown>;
    const completed: Record<string, unknown> = {};
    for (const field of fields) {
      let value: unknown;
      try {
        value = field.complete(source[field.key], path, field.key, errors);
      } catch (raw) {
        value = handleFieldError(raw, field.nodes, addPath(path, field.key, type.name), field.nonNull, errors);
      }
      put(completed, field.key, value);
    }
    return completed;
  };
}
