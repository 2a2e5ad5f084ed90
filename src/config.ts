/**
 * The environment, read and checked once, then passed on as typed options. A git-ignored `.env` at the
 * repository root fills in what the real environment leaves unset.
 *
 * Without NEO4J_URI, Entente uses its own local Neo4j (`npm run neo4j -- start`, or `npm start` starts it):
 * bolt://127.0.0.1:<ENTENTE_NEO4J_PORT>, user neo4j, the password generated in `.neo4j/password`.
 * With NEO4J_URI, it uses that database and needs NEO4J_USER and NEO4J_PASSWORD.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { z } from 'zod';
import { EntenteError } from './errors.ts';
import type { GraphOptions } from './graph/graph.ts';
import { localPassword } from './runtime/password.ts';
import { CACHE_DIR, REPO_ROOT } from './runtime/paths.ts';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** The database name; the server's default when unset. */
  database?: string;
  /** True when Entente runs the database itself (NEO4J_URI unset). */
  managed: boolean;
  /** How to run the local instance; present exactly when `managed`. */
  local?: { port: number; heap: string };
}

export interface Config {
  neo4j: Neo4jConfig;
  /** The port the API listens on. */
  port: number;
  /** The address the API listens on. */
  host: string;
}

export interface LoadConfigOptions {
  /** A `.env` file to read; the repository's when `env` is `process.env`, none otherwise. */
  envFile?: string | undefined;
  /** Where the local instance keeps its password; `.neo4j/` at the repository root by default. */
  cacheDir?: string;
}

const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback);

const schema = z
  .object({
    NEO4J_URI: z
      .string()
      .refine(isNeo4jUri, `NEO4J_URI must be an address such as bolt://host:7687 (or neo4j://, neo4j+s://, bolt+s://)`)
      .optional(),
    NEO4J_USER: z.string().optional(),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'NEO4J_DATABASE must be a database name such as neo4j').optional(),
    ENTENTE_NEO4J_PORT: port('ENTENTE_NEO4J_PORT', 7687),
    ENTENTE_NEO4J_HEAP: z.string().regex(/^\d+[kmg]$/i, 'ENTENTE_NEO4J_HEAP must be a size such as 1g or 512m').default('1g'),
    PORT: port('PORT', 4000),
    HOST: z.string().default('127.0.0.1'),
  });

/**
 * Reads and checks the configuration. Every problem is reported at once, in one EntenteError
 * (CONFIG_INVALID) whose sentence names the variables and says where to fix them.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const envFile = 'envFile' in options ? options.envFile : env === process.env ? path.join(REPO_ROOT, '.env') : undefined;
  const merged = { ...readEnvFile(envFile), ...withoutEmpty(env) };
  const parsed = schema.safeParse(merged);
  const problems = (parsed.error?.issues ?? []).map((issue) => ({ variable: String(issue.path[0] ?? ''), message: issue.message }));
  // Checked outside the schema so that these are reported together with any other problem.
  if (merged.NEO4J_URI) {
    for (const variable of ['NEO4J_USER', 'NEO4J_PASSWORD']) {
      if (!merged[variable]) problems.push({ variable, message: `${variable} is required when NEO4J_URI is set` });
    }
  }
  if (!parsed.success || problems.length > 0) {
    const list = problems.map((problem) => problem.message).join('; ');
    throw new EntenteError('CONFIG_INVALID', `The configuration is invalid (${list}): fix it in the environment or in .env.`, {
      variables: problems.map((problem) => problem.variable),
    });
  }
  const values = parsed.data;
  const neo4j: Neo4jConfig = values.NEO4J_URI
    ? {
        uri: values.NEO4J_URI,
        user: values.NEO4J_USER ?? '',
        password: values.NEO4J_PASSWORD ?? '',
        managed: false,
      }
    : {
        uri: `bolt://127.0.0.1:${values.ENTENTE_NEO4J_PORT}`,
        user: 'neo4j',
        password: localPassword(options.cacheDir ?? CACHE_DIR),
        managed: true,
        local: { port: values.ENTENTE_NEO4J_PORT, heap: values.ENTENTE_NEO4J_HEAP },
      };
  if (values.NEO4J_DATABASE) neo4j.database = values.NEO4J_DATABASE;
  return { neo4j, port: values.PORT, host: values.HOST };
}

/** The connection options of src/graph/graph.ts for the configured database. */
export function graphOptions(config: Config): GraphOptions {
  const { uri, user, password, database } = config.neo4j;
  return { uri, user, password, ...(database ? { database } : {}) };
}

/** Says which database is in use, for log lines; never includes the password. */
export function describeNeo4j(config: Config): string {
  const { uri, user, database, managed } = config.neo4j;
  const where = managed ? `the local Neo4j at ${uri}` : `Neo4j at ${uri} as ${user}`;
  return database ? `${where} (database ${database})` : where;
}

function isNeo4jUri(value: string): boolean {
  try {
    const url = new URL(value);
    return SCHEMES.includes(url.protocol.slice(0, -1)) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `NAME=` in a .env file or the shell means "not set", not "set to nothing". */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

function readEnvFile(file: string | undefined): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  return withoutEmpty(parseEnv(readFileSync(file, 'utf8')));
}

/** node:util's parser where Node has it (20.12+), otherwise plain `NAME=value` lines. */
function parseEnv(text: string): Record<string, string> {
  const nodeParse = (util as { parseEnv?: (content: string) => Record<string, string> }).parseEnv;
  if (nodeParse) return nodeParse(text);
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const [, name = '', raw = ''] = match;
    values[name] = raw.replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}
