/** Waiting, in tests, for what another process or the database does in its own time. */

/**
 * Asks until `ok` holds for the answer or `timeoutMs` passes, pausing `everyMs` between asks, and returns the
 * last answer: the caller asserts on it, so a timeout fails showing what was last seen.
 */
export async function askUntil<T>(ask: () => T | Promise<T>, ok: (answer: T) => boolean, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (ok(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
