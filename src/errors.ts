/**
 * Errors that reach a person. Each has a stable UPPER_SNAKE code and a sentence that says what is wrong and
 * what to do next; the CLI prints the sentence alone, the API maps the code to a GraphQL error extension.
 */
export class EntenteError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EntenteError';
    this.code = code;
    this.details = details;
  }
}

export function isEntenteError(error: unknown): error is EntenteError {
  return error instanceof EntenteError;
}
