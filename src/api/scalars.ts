/**
 * The Date scalar: served at its known precision ("1961", "1961-07", "1961-07-06"); taken as input only
 * as a full, real date (YYYY-MM-DD). A bad literal is reported by the validation rule in
 * `validate-dates.ts`, which can name the argument; a bad variable is reported here, and GraphQL names it.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parsePartialDate } from '../model/dates.ts';

export function isFullDate(value: unknown): value is string {
  return typeof value === 'string' && parsePartialDate(value)?.precision === 'day';
}

export function dateProblem(value: unknown): string {
  return `${JSON.stringify(value)} is not a date: write YYYY-MM-DD, for example "2024-12-04"`;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize(value) {
    if (typeof value === 'string' && parsePartialDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue(value) {
    if (isFullDate(value)) return value;
    throw new GraphQLError(dateProblem(value), { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral(ast) {
    // Accepted here so that the validation rule can report it with the argument's name.
    if (ast.kind === Kind.STRING && isFullDate(ast.value)) return ast.value;
    return ast.kind === Kind.STRING ? ast.value : undefined;
  },
});
