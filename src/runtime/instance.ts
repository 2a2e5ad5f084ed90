/**
 * Starts, inspects and stops one Neo4j launcher process on an instance folder (see paths.ts). The launcher
 * writes one status line to its log; starting waits for it, so READY means Bolt is listening and the password
 * is set. `run.json` records the pid and port of a running launcher.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { runtimeErrors } from './errors.ts';
import { ensureJars } from './fetch.ts';
import { findJava } from './java.ts';
import { launcherArgs } from './launcher.ts';
import { instanceFiles, type InstanceFiles } from './paths.ts';
import { assertPortFree } from './port.ts';

export interface StartOptions {
  /** The instance folder: store, run.json and log go in it. */
  root: string;
  port: number;
  password: string;
  /** The JVM heap, as for -Xmx ("1g", "512m"). */
  heap: string;
  pageCacheMb?: number;
  /** More JVM flags, for example to trade peak speed for a quicker start. */
  jvmFlags?: string[];
  /**
   * Detached instances outlive the process that started them (the local instance). Attached ones stop when
   * it exits, even when it is killed (test instances).
   */
  detached: boolean;
  timeoutMs?: number;
  /** Shows the one-line notice of a first run's download. */
  say?: (line: string) => void;
}

export interface RunningInstance {
  pid: number;
  port: number;
  uri: string;
}

export type InstanceStatus = ({ state: 'running' } & RunningInstance) | { state: 'stopped' };

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

const STATUS_LINE = /^entente-neo4j: (READY|PORT_IN_USE|STORE_LOCKED|START_FAILED)\b ?(.*)$/m;

export function boltUri(port: number): string {
  return `bolt://127.0.0.1:${port}`;
}

/** Starts the launcher on `root` and resolves once Bolt answers; fails with one EntenteError otherwise. */
export async function startInstance(options: StartOptions): Promise<RunningInstance> {
  const files = instanceFiles(options.root);
  const java = await findJava();
  await ensureJars(options.say);
  const args = await launcherArgs(java);
  await assertPortFree(options.port);
  await mkdir(files.home, { recursive: true });

  const logStart = await stat(files.logFile).then((s) => s.size, () => 0);
  const logFd = openSync(files.logFile, 'a');
  const child = spawn(
    java.java,
    [...JVM_FLAGS, `-Xmx${options.heap}`, ...(options.jvmFlags ?? []), ...args, files.home, String(options.port), String(options.pageCacheMb ?? 128)],
    {
      detached: options.detached,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        ENTENTE_NEO4J_PASSWORD: options.password,
        // An attached instance watches this process by pid and shuts down once it is gone.
        ENTENTE_NEO4J_PARENT_PID: options.detached ? '' : String(process.pid),
      },
    },
  );
  closeSync(logFd);
  let exit: string | undefined;
  child.on('exit', (code, signal) => {
    exit = signal ? `killed by ${signal}` : `exit code ${code}`;
  });
  child.on('error', (error) => {
    exit = error.message;
  });
  if (options.detached) child.unref();
  const pid = child.pid;
  if (pid === undefined) throw runtimeErrors.startFailed('java could not be run', files.logFile);

  try {
    await waitForStatus(files, logStart, options, () => exit);
  } catch (error) {
    if (!exit) child.kill('SIGKILL');
    throw error;
  }
  // Written only once ready, so a start that fails (say, on a store another launcher holds) never
  // overwrites the run.json of the instance that is running.
  await writeFile(files.runFile, `${JSON.stringify({ pid, port: options.port })}\n`);
  return { pid, port: options.port, uri: boltUri(options.port) };
}

async function waitForStatus(files: InstanceFiles, logStart: number, options: StartOptions, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const log = await readFrom(files.logFile, logStart);
    const match = STATUS_LINE.exec(log);
    if (match) {
      const [, status, detail = ''] = match;
      if (status === 'READY') return;
      if (status === 'PORT_IN_USE') throw runtimeErrors.portInUse(options.port);
      if (status === 'STORE_LOCKED') throw runtimeErrors.storeLocked(files.home);
      throw runtimeErrors.startFailed(detail.trim() || 'unknown reason', files.logFile);
    }
    const exit = exited();
    if (exit) throw runtimeErrors.startFailed(`the launcher ended with ${exit}`, files.logFile);
    if (Date.now() > deadline) throw runtimeErrors.startTimeout(Math.round((options.timeoutMs ?? 120_000) / 1000), files.logFile);
    await sleep(100);
  }
}

async function readFrom(file: string, offset: number): Promise<string> {
  const content = await readFile(file).catch(() => Buffer.alloc(0));
  return content.subarray(offset).toString('utf8');
}

/** Running when run.json names a live launcher process. */
export async function instanceStatus(root: string): Promise<InstanceStatus> {
  const files = instanceFiles(root);
  const run = await readRunFile(files);
  if (!run) return { state: 'stopped' };
  if (!(await isLauncher(run.pid))) {
    await removeRunFile(files, run.pid);
    return { state: 'stopped' };
  }
  return { state: 'running', pid: run.pid, port: run.port, uri: boltUri(run.port) };
}

/** Asks the launcher to shut down (SIGTERM), and kills it when it has not after `timeoutMs`. */
export async function stopInstance(root: string, timeoutMs = 30_000): Promise<'stopped' | 'not running'> {
  const files = instanceFiles(root);
  const status = await instanceStatus(root);
  if (status.state === 'stopped') return 'not running';
  signal(status.pid, 'SIGTERM');
  if (!(await waitForExit(status.pid, timeoutMs))) {
    signal(status.pid, 'SIGKILL');
    if (!(await waitForExit(status.pid, 5_000))) throw runtimeErrors.stopFailed(status.pid);
  }
  await removeRunFile(files, status.pid);
  return 'stopped';
}

/** Whether the launcher `pid` is gone within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isLauncher(pid))) return true;
    await sleep(100);
  }
  return false;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Alive, and (where /proc tells) still our launcher rather than a later process that reused the pid. */
export async function isLauncher(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // A zombie (state Z) has exited; only its parent has not collected it yet.
    if (/\) Z /.test(stat)) return false;
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('Launcher');
  } catch {
    return true;
  }
}

async function readRunFile(files: InstanceFiles): Promise<{ pid: number; port: number } | undefined> {
  try {
    const run = JSON.parse(await readFile(files.runFile, 'utf8')) as { pid?: unknown; port?: unknown };
    return typeof run.pid === 'number' && typeof run.port === 'number' ? { pid: run.pid, port: run.port } : undefined;
  } catch {
    return undefined;
  }
}

/** Removes run.json only when it still names `pid`, so it never drops the record of a newer launcher. */
async function removeRunFile(files: InstanceFiles, pid: number): Promise<void> {
  const run = await readRunFile(files);
  if (!run || run.pid === pid) await rm(files.runFile, { force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
