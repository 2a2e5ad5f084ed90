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
import { DEFAULT_LIMITS, type Limits } from './api/plugins/limits.ts';
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
  /** What the public API allows (src/api/plugins/limits.ts has each default and its variable). */
  limits: Limits;
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

const count = (name: string, fallback: number, min = 1) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .default(fallback);

const onOff = (name: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const v = value.trim().toLowerCase();
      if (['1', 'true', 'on', 'yes'].includes(v)) return true;
      if (['0', 'false', 'off', 'no'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be on or off` });
      return z.NEVER;
    })
    .optional();

/** The limit settings (each documented in docs/hardening.md); read with the rest, or alone by `loadLimits`. */
const limitSchema = z.object({
  ENTENTE_MAX_DEPTH: count('ENTENTE_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
  ENTENTE_MAX_ALIASES: count('ENTENTE_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0),
  ENTENTE_MAX_TOKENS: count('ENTENTE_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
  ENTENTE_MAX_COST: count('ENTENTE_MAX_COST', DEFAULT_LIMITS.maxCost),
  ENTENTE_MAX_DIRECTIVES: count('ENTENTE_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0),
  ENTENTE_MAX_CYPHER_CHARS: count('ENTENTE_MAX_CYPHER_CHARS', DEFAULT_LIMITS.maxCypherChars, 1000),
  ENTENTE_QUERY_TIMEOUT_MS: count('ENTENTE_QUERY_TIMEOUT_MS', DEFAULT_LIMITS.queryTimeoutMs),
  ENTENTE_MAX_CONCURRENT_QUERIES: count('ENTENTE_MAX_CONCURRENT_QUERIES', DEFAULT_LIMITS.maxConcurrentQueries),
  ENTENTE_QUEUE_TIMEOUT_MS: count('ENTENTE_QUEUE_TIMEOUT_MS', DEFAULT_LIMITS.queueTimeoutMs),
  ENTENTE_MAX_BODY_BYTES: count('ENTENTE_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 100),
  ENTENTE_INTROSPECTION: onOff('ENTENTE_INTROSPECTION'),
  ENTENTE_BATCHING: z
    .string()
    .regex(/^(off|on|\d{1,3})$/i, 'ENTENTE_BATCHING must be off, on (10 operations) or the most operations a batch may hold')
    .optional(),
  ENTENTE_READY_TIMEOUT_MS: count('ENTENTE_READY_TIMEOUT_MS', DEFAULT_LIMITS.readyTimeoutMs),
  NODE_ENV: z.string().optional(),
});

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
  })
  .extend(limitSchema.shape);

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
  if (!parsed.success || problems.length > 0) throw invalidConfig(problems);
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
  return { neo4j, port: values.PORT, host: values.HOST, limits: toLimits(values) };
}

/**
 * Reads and checks the limit settings alone (for a server started without a whole Config); the same
 * variables, defaults and CONFIG_INVALID sentence as `loadConfig`.
 */
export function loadLimits(env: NodeJS.ProcessEnv = process.env, options: Pick<LoadConfigOptions, 'envFile'> = {}): Limits {
  const envFile = 'envFile' in options ? options.envFile : env === process.env ? path.join(REPO_ROOT, '.env') : undefined;
  const parsed = limitSchema.safeParse({ ...readEnvFile(envFile), ...withoutEmpty(env) });
  if (!parsed.success) {
    throw invalidConfig(parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? ''), message: issue.message })));
  }
  return toLimits(parsed.data);
}

function toLimits(values: z.infer<typeof limitSchema>): Limits {
  const batching = (values.ENTENTE_BATCHING ?? 'off').toLowerCase();
  return {
    maxDepth: values.ENTENTE_MAX_DEPTH,
    maxAliases: values.ENTENTE_MAX_ALIASES,
    maxTokens: values.ENTENTE_MAX_TOKENS,
    maxCost: values.ENTENTE_MAX_COST,
    maxDirectives: values.ENTENTE_MAX_DIRECTIVES,
    maxCypherChars: values.ENTENTE_MAX_CYPHER_CHARS,
    queryTimeoutMs: values.ENTENTE_QUERY_TIMEOUT_MS,
    maxConcurrentQueries: values.ENTENTE_MAX_CONCURRENT_QUERIES,
    queueTimeoutMs: values.ENTENTE_QUEUE_TIMEOUT_MS,
    maxBodyBytes: values.ENTENTE_MAX_BODY_BYTES,
    // Off in production unless asked for: the schema is public in the repository, but a crawler needs no map.
    introspection: values.ENTENTE_INTROSPECTION ?? values.NODE_ENV !== 'production',
    maxBatch: batching === 'off' ? 0 : batching === 'on' ? 10 : Number(batching),
    readyTimeoutMs: values.ENTENTE_READY_TIMEOUT_MS,
  };
}

function invalidConfig(problems: { variable: string; message: string }[]): EntenteError {
  const list = problems.map((problem) => problem.message).join('; ');
  return new EntenteError('CONFIG_INVALID', `The configuration is invalid (${list}): fix it in the environment or in .env.`, {
    variables: problems.map((problem) => problem.variable),
  });
}

/** The connection options of src/graph/graph.ts for the configured database, with the API's query timeout. */
export function graphOptions(config: Config): GraphOptions {
  const { uri, user, password, database } = config.neo4j;
  return { uri, user, password, ...(database ? { database } : {}), readTimeoutMs: config.limits.queryTimeoutMs };
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
