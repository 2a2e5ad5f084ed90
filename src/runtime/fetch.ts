/**
 * Fetches the Neo4j jars from Maven Central into `.neo4j/lib`, once. Maven writes into a folder of its own
 * that is renamed into place when complete, so two first runs at the same time cannot leave a half-filled
 * `lib/`: the first rename wins and the other run drops its copy.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { runtimeErrors } from './errors.ts';
import { CACHE_DIR, LIB_DIR, NEO4J_VERSION, POM_FILE } from './paths.ts';

/** Present in `lib/` exactly when the jars are those of NEO4J_VERSION. */
const MARKER_JAR = `neo4j-kernel-${NEO4J_VERSION}.jar`;

export function jarsPresent(libDir = LIB_DIR): boolean {
  return existsSync(path.join(libDir, MARKER_JAR));
}

let pending: Promise<string> | undefined;

/** Makes sure `.neo4j/lib` holds the jars of NEO4J_VERSION; `say` shows the one-line notice of a first run. */
export function ensureJars(say: (line: string) => void = (line) => console.error(line)): Promise<string> {
  if (jarsPresent()) return Promise.resolve(LIB_DIR);
  pending ??= fetchJars(say).finally(() => {
    pending = undefined;
  });
  return pending;
}

async function fetchJars(say: (line: string) => void): Promise<string> {
  say(`fetching Neo4j ${NEO4J_VERSION} from Maven Central (first run only)...`);
  await mkdir(CACHE_DIR, { recursive: true });
  const staging = path.join(CACHE_DIR, `lib.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  const logFile = path.join(CACHE_DIR, 'fetch.log');
  // Each run logs to a file of its own, moved to fetch.log when done, so concurrent runs do not interleave.
  const ownLog = `${staging}.log`;
  try {
    const exitCode = await runMaven(staging, ownLog).finally(() => rename(ownLog, logFile).catch(() => {}));
    if (exitCode !== 0 || !existsSync(path.join(staging, MARKER_JAR))) throw runtimeErrors.fetchFailed(logFile);
    if (existsSync(LIB_DIR) && !jarsPresent()) {
      // Jars of another Neo4j version: replace them rather than mix two versions on one classpath.
      const old = `${LIB_DIR}.old-${randomBytes(4).toString('hex')}`;
      await rename(LIB_DIR, old);
      await rm(old, { recursive: true, force: true });
    }
    await rename(staging, LIB_DIR).catch((error: NodeJS.ErrnoException) => {
      // Another run renamed its copy into place first; theirs is as good as ours.
      if (!(jarsPresent() && (error.code === 'ENOTEMPTY' || error.code === 'EEXIST'))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return LIB_DIR;
}

/** Runs Maven into `outputDir`, logging to `logFile`; resolves with its exit code. */
function runMaven(outputDir: string, logFile: string): Promise<number | null> {
  const args = [
    '-q', '-B', '-f', POM_FILE,
    'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
    `-Dneo4j.version=${NEO4J_VERSION}`, '-DincludeScope=runtime', `-DoutputDirectory=${outputDir}`,
  ];
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', (error: NodeJS.ErrnoException) => {
      log.end();
      reject(error.code === 'ENOENT' ? runtimeErrors.mavenMissing() : error);
    });
    child.on('close', (code) => {
      log.end(() => resolve(code));
    });
  });
}
