/**
 * What a translation accumulates: parameters (every value is one; nothing a user sends is inlined) and fresh
 * variable names, so that nested subqueries never capture each other's variables.
 */
export class Translation {
  readonly params: Record<string, unknown> = {};
  private nextParam = 0;
  private nextVar = 0;

  constructor(readonly today: string) {}

  /** Registers a value and returns its `$name`. */
  param(value: unknown): string {
    const name = `p${this.nextParam++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /** A variable name not used anywhere else in the query. */
  fresh(hint: string): string {
    return `${hint}_${this.nextVar++}`;
  }
}
