/**
 * The API over real HTTP for tests, in a process of its own: vitest's module runner would load graphql
 * twice in-process, and a separate process is what the issue asks about anyway (the server stays up, its
 * memory, its output). `startServerProcess` runs this file; run as a script, it reads the configuration as
 * `npm start` does (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and the ENTENTE_* limits, through src/config.ts,
 * without .env), serves the API without loading anything, prints one JSON line `{"url": ...}` once
 * listening, and stops on SIGTERM.
 *
 * Also: small clients that keep the raw status, headers and text of every answer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../src/runtime/paths.ts';

/** The day every asOf defaults to in tests, so answers do not change with the calendar. */
export const TEST_TODAY = '2025-06-01';

export interface DatabaseLogin {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
  /** The process's peak resident memory so far, in MiB (Linux /proc). */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** ENTENTE_* limit variables and the like, as the server's environment. */
  env?: Record<string, string>;
  /** How long the driver waits for a connection (Graph's `connectionTimeoutMs`). */
  connectionTimeoutMs?: number;
  /** The dashboard's built files to serve at /; none when omitted. */
  webDir?: string;
  /** The day asOf defaults to; TEST_TODAY when omitted. */
  today?: string;
}

const SCRIPT = fileURLToPath(import.meta.url);

/** Starts the API in a child process on 127.0.0.1 and a free port (with the dashboard's files if given). */
export async function startServerProcess(db: DatabaseLogin, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...options.env,
      NEO4J_URI: db.uri,
      NEO4J_USER: db.user,
      NEO4J_PASSWORD: db.password,
      ...(db.database ? { NEO4J_DATABASE: db.database } : {}),
      ...(options.connectionTimeoutMs ? { ENTENTE_TEST_CONNECT_TIMEOUT_MS: String(options.connectionTimeoutMs) } : {}),
      ...(options.webDir ? { ENTENTE_TEST_WEB_DIR: options.webDir } : {}),
      ...(options.today ? { ENTENTE_TEST_TODAY: options.today } : {}),
    },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the test server did not start within 30 s:\n${output}`)), 30_000);
    const onData = () => {
      const line = /^\{"url":"[^"]+"\}$/m.exec(output)?.[0];
      if (line) done(() => resolve((JSON.parse(line) as { url: string }).url));
    };
    const onExit = (code: number | null) => fail(new Error(`the test server ended with code ${code}:\n${output}`));
    const done = (then: () => void) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      then();
    };
    const fail = (error: Error) => done(() => {
      child.kill('SIGKILL');
      reject(error);
    });
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    peakRssMiB: () => peakRssMiB(child.pid!),
    stop: () => stopChild(child),
  };
}

/** VmHWM of /proc/<pid>/status: the peak resident set size, in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  json: GraphQLAnswer | undefined;
  ms: number;
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; [key: string]: unknown }[];
}

/** Sends one request and keeps everything about the answer. */
export async function send(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(30_000) });
  const text = await response.text();
  let json: GraphQLAnswer | undefined;
  try {
    json = JSON.parse(text) as GraphQLAnswer;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, ms: performance.now() - started };
}

/** POSTs one GraphQL operation as JSON. */
export function query(serverUrl: string, body: { query: string; variables?: Record<string, unknown>; operationName?: string }): Promise<HttpAnswer> {
  return send(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
  });
}

async function serve(): Promise<void> {
  const { Graph } = await import('../../src/graph/graph.ts');
  const { startServer } = await import('../../src/api/server.ts');
  const { graphOptions, loadConfig } = await import('../../src/config.ts');
  const config = loadConfig(process.env, { envFile: undefined });
  const connectionTimeoutMs = Number(process.env.ENTENTE_TEST_CONNECT_TIMEOUT_MS) || undefined;
  const graph = new Graph({ ...graphOptions(config), ...(connectionTimeoutMs ? { connectionTimeoutMs } : {}) });
  const server = await startServer({
    graph,
    port: 0,
    host: '127.0.0.1',
    webDir: process.env.ENTENTE_TEST_WEB_DIR ?? '/nonexistent',
    today: process.env.ENTENTE_TEST_TODAY ?? TEST_TODAY,
    limits: config.limits,
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = async () => {
    await server.close();
    await graph.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

if (process.argv[1] === SCRIPT) await serve();
