import { join } from 'node:path';

/** The seed files maintainers edit. */
export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'seeds');
