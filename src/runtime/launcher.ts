/**
 * Compiles neo4j/Launcher.java once into `.neo4j/launcher/<hash>/`, keyed by the source, so every start after
 * the first skips the compile step and an edited launcher is compiled again. Without javac the launcher runs
 * from source (Java's single-file mode), which costs a few seconds per start.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { runtimeErrors } from './errors.ts';
import type { Java } from './java.ts';
import { CACHE_DIR, LAUNCHER_SOURCE, LIB_DIR } from './paths.ts';

const run = promisify(execFile);

/** The java arguments after the JVM flags: classpath and main class (or source file). */
export async function launcherArgs(java: Java): Promise<string[]> {
  const libClasspath = path.join(LIB_DIR, '*');
  if (!java.javac) return ['-cp', libClasspath, LAUNCHER_SOURCE];
  const source = await readFile(LAUNCHER_SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const classes = path.join(CACHE_DIR, 'launcher', hash);
  if (!existsSync(path.join(classes, 'Launcher.class'))) await compile(java.javac, classes);
  return ['-cp', `${libClasspath}${path.delimiter}${classes}`, 'Launcher'];
}

async function compile(javac: string, classes: string): Promise<void> {
  const staging = `${classes}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true });
  try {
    await run(javac, ['--release', '17', '-cp', path.join(LIB_DIR, '*'), '-d', staging, LAUNCHER_SOURCE], { timeout: 120_000 });
    await rename(staging, classes).catch((error: NodeJS.ErrnoException) => {
      if (!(error.code === 'ENOTEMPTY' || error.code === 'EEXIST')) throw error;
    });
  } catch (error) {
    const logFile = path.join(CACHE_DIR, 'launcher', 'compile.log');
    const output = error as { stdout?: string; stderr?: string; message?: string };
    await writeFile(logFile, `${output.stdout ?? ''}${output.stderr ?? output.message ?? ''}`);
    throw runtimeErrors.compileFailed(logFile);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
