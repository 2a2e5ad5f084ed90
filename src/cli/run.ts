/**
 * Runs a command-line entry point: an EntenteError prints its sentence alone (no stack trace) and sets the
 * exit code; anything unexpected prints one line and points at the log.
 */
import { isEntenteError } from '../errors.ts';

export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (isEntenteError(error)) {
      console.error(`${error.message} [${error.code}]`);
    } else {
      console.error(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}. Run again with DEBUG=entente for details.`);
      if (process.env.DEBUG?.includes('entente')) console.error(error);
    }
    process.exitCode = 1;
  }
}
