/** The JSON Schemas published for editors are generated from the zod schemas: they must not go stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_KINDS, type SeedKind } from './schema.ts';
import { jsonSchemaFileName, jsonSchemaOf } from './json-schema.ts';
import { SEEDS_DIR } from './paths.ts';

describe('seeds/schema/*.schema.json', () => {
  it.each(Object.keys(SEED_KINDS) as SeedKind[])('%s matches the zod schema (regenerate with npm run seed -- --write-json-schema)', (kind) => {
    const committed = readFileSync(join(SEEDS_DIR, 'schema', jsonSchemaFileName(kind)), 'utf8');
    expect(committed).toBe(jsonSchemaOf(kind));
  });
});
