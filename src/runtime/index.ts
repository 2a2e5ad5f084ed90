/**
 * The Neo4j that Entente starts itself: the local instance in `.neo4j/` (kept running between commands, used
 * when NEO4J_URI is unset) and throwaway instances for tests. Both run the same jars, fetched once.
 */
import { EntenteError } from '../errors.ts';
import { instanceStatus, startInstance, stopInstance, type InstanceStatus, type RunningInstance } from './instance.ts';
import { CACHE_DIR } from './paths.ts';
import { generatePassword } from './password.ts';
import { freePort } from './port.ts';

export { NEO4J_VERSION } from './paths.ts';
export type { InstanceStatus, RunningInstance } from './instance.ts';

/** The part of the configuration (src/config.ts) that says whether and how to run the local instance. */
export interface LocalNeo4jOptions {
  neo4j: {
    managed: boolean;
    password: string;
    local?: { port: number; heap: string } | undefined;
  };
}

/** Starts the local instance when the configuration asks for it and it is not running; else does nothing. */
export async function ensureLocalNeo4j(config: LocalNeo4jOptions): Promise<void> {
  await startLocalNeo4j(config);
}

/** Like ensureLocalNeo4j, and says whether it was already running (`npm run neo4j -- start`). */
export async function startLocalNeo4j(
  config: LocalNeo4jOptions,
  say?: (line: string) => void,
): Promise<{ alreadyRunning: boolean; instance: RunningInstance } | undefined> {
  const local = config.neo4j.local;
  if (!config.neo4j.managed || !local) return undefined;
  const status = await instanceStatus(CACHE_DIR);
  if (status.state === 'running') {
    if (status.port !== local.port) {
      throw new EntenteError(
        'NEO4J_PORT_MISMATCH',
        `The local Neo4j is running on port ${status.port}, not on ENTENTE_NEO4J_PORT ${local.port}: stop it with \`npm run neo4j -- stop\` and start it again.`,
        { running: status.port, configured: local.port },
      );
    }
    return { alreadyRunning: true, instance: status };
  }
  const instance = await startInstance({
    root: CACHE_DIR,
    port: local.port,
    password: config.neo4j.password,
    heap: local.heap,
    pageCacheMb: 256,
    detached: true,
    say,
  });
  return { alreadyRunning: false, instance };
}

/** Stops the local instance; says whether it was running. */
export function stopLocalNeo4j(): Promise<'stopped' | 'not running'> {
  return stopInstance(CACHE_DIR);
}

export function localNeo4jStatus(): Promise<InstanceStatus> {
  return instanceStatus(CACHE_DIR);
}

export interface ThrowawayNeo4j {
  uri: string;
  user: string;
  password: string;
  /** Stops the instance; the caller removes its folder. */
  stop(): Promise<void>;
  /** The Bolt port, kept across `restart()`. */
  port: number;
  /**
   * Starts the instance again after `stop()`, on the same folder, port and password, as a database that
   * went away and came back (for tests of recovery).
   */
  restart(): Promise<void>;
}

export interface ThrowawayOptions {
  /** A folder of its own for the store, pid file and log. */
  dir: string;
  /** A free port is picked when omitted. */
  port?: number;
  /** The JVM heap; 512m when omitted. */
  heap?: string;
  timeoutMs?: number;
}

/**
 * Starts a Neo4j for tests in `dir`, on the same jar cache as the local instance, with a fresh random
 * password. It is attached to this process: it stops when this process ends, even if killed.
 */
export async function startThrowawayNeo4j(options: ThrowawayOptions): Promise<ThrowawayNeo4j> {
  const password = generatePassword();
  const start = async (port: number) =>
    startInstance({
      root: options.dir,
      port,
      password,
      heap: options.heap ?? '512m',
      pageCacheMb: 64,
      // A test database lives for minutes: the C1 compiler alone and the serial collector start it about
      // a third sooner on two cores, and its small queries never need the optimising compiler.
      jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
      detached: false,
      timeoutMs: options.timeoutMs,
    });
  let instance: RunningInstance;
  if (options.port !== undefined) {
    instance = await start(options.port);
  } else {
    try {
      instance = await start(await freePort());
    } catch (error) {
      // Another process took the free port between the check and the start: pick again, once.
      if (!(error instanceof EntenteError && error.code === 'PORT_IN_USE')) throw error;
      instance = await start(await freePort());
    }
  }
  const port = instance.port;
  return {
    uri: instance.uri,
    user: 'neo4j',
    password,
    stop: async () => {
      await stopInstance(options.dir);
    },
    port,
    restart: async () => {
      await start(port);
    },
  };
}
