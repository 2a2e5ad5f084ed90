/**
 * The Date scalar: served at its known precision ("1961", "1961-07", "1961-07-06"); taken as input only
 * as a full, real date (YYYY-MM-DD). A bad literal is reported by the validation rule in
 * `validate-dates.ts`, which can name the argument; a bad variable is reported here, and GraphQL names it.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { daysInMonth, parsePartialDate } from '../model/dates.ts';

export function isFullDate(value: unknown): value is string {
  return typeof value === 'string' && parsePartialDate(value)?.precision === 'day';
}

/** What is wrong with a date argument, saying how to write it; the example is the user's own date where one can be read. */
export function dateProblem(value: unknown): string {
  const shown = JSON.stringify(value);
  const text = typeof value === 'string' ? value : '';
  const partial = parsePartialDate(text);
  if (partial && partial.precision !== 'day') {
    // Dates are served at their precision ("1961", "1961-07") but an argument names a day.
    return `${shown} is not a whole day: write YYYY-MM-DD, for example "${text}${partial.precision === 'year' ? '-01-01' : '-01'}"`;
  }
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (parts) {
    const [year, month] = [Number(parts[1]), Number(parts[2])];
    if (month < 1 || month > 12) return `${shown} is not a date: there is no month ${month}; write YYYY-MM-DD, for example "${parts[1]}-12-04"`;
    return `${shown} is not a date: ${parts[1]}-${parts[2]} has ${daysInMonth(year, month)} days`;
  }
  return `${shown} is not a date: write YYYY-MM-DD, for example "2024-12-04"`;
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
