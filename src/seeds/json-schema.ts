/**
 * The JSON Schemas published for editors (VS Code's YAML extension validates and completes seed files with
 * them; see the `# yaml-language-server: $schema=` line at the top of each file). Generated from the zod
 * schemas, so the two cannot drift; a test fails when the committed files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SEED_KINDS, type SeedKind } from './schema.ts';

export function jsonSchemaOf(kind: SeedKind): string {
  const schema = z.toJSONSchema(SEED_KINDS[kind].schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  schema.title = `Entente seed file: ${kind}`;
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function jsonSchemaFileName(kind: SeedKind): string {
  return `${kind}.schema.json`;
}

export function writeJsonSchemas(seedsDir: string): string[] {
  const dir = join(seedsDir, 'schema');
  mkdirSync(dir, { recursive: true });
  return (Object.keys(SEED_KINDS) as SeedKind[]).map((kind) => {
    const file = join(dir, jsonSchemaFileName(kind));
    writeFileSync(file, jsonSchemaOf(kind));
    return file;
  });
}
