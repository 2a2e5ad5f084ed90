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

/** Makes sure `.neo4j/lib` holds the jars of NEO4J_VERSION; `say` shows the one-line notice of a first run. */
export async function ensureJars(say: (line: string) => void = (line) => console.error(line)): Promise<string> {
  if (jarsPresent()) return LIB_DIR;
  say(`fetching Neo4j ${NEO4J_VERSION} from Maven Central (first run only)...`);
  await mkdir(CACHE_DIR, { recursive: true });
  const staging = path.join(CACHE_DIR, `lib.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  const logFile = path.join(CACHE_DIR, 'fetch.log');
  try {
    await runMaven(staging, logFile);
    if (!existsSync(path.join(staging, MARKER_JAR))) throw runtimeErrors.fetchFailed(logFile);
    if (existsSync(LIB_DIR) && !jarsPresent()) {
      // Jars of another Neo4j version: set them aside rather than mix two versions on one classpath.
      await rename(LIB_DIR, `${LIB_DIR}.old-${randomBytes(4).toString('hex')}`);
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

function runMaven(outputDir: string, logFile: string): Promise<void> {
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
      log.end(() => (code === 0 ? resolve() : reject(runtimeErrors.fetchFailed(logFile))));
    });
  });
}
