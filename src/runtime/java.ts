/**
 * Finds a Java that can run Neo4j 5.26 (17 or newer; 17 and 21 are supported, 25 was seen to work), and its
 * javac when the JDK has one.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { runtimeErrors } from './errors.ts';

const run = promisify(execFile);

export interface Java {
  /** The java executable. */
  java: string;
  /** The javac beside it, when it is a full JDK; without it the launcher runs from source. */
  javac: string | undefined;
  major: number;
}

const found = new Map<string, Promise<Java>>();

/** Looks once per process and JAVA_HOME: JAVA_HOME first, then `java` on the PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): Promise<Java> {
  const key = env.JAVA_HOME ?? '';
  let java = found.get(key);
  if (!java) {
    java = locate(env);
    found.set(key, java);
    // A failure is not remembered: the person may install Java and try again in the same process.
    java.catch(() => found.delete(key));
  }
  return java;
}

async function locate(env: NodeJS.ProcessEnv): Promise<Java> {
  const bin = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin') : undefined;
  const java = bin ? path.join(bin, 'java') : 'java';
  let output: string;
  try {
    const result = await run(java, ['-version'], { timeout: 30_000 });
    output = `${result.stderr}${result.stdout}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw runtimeErrors.javaMissing();
    throw error;
  }
  const version = /version "([^"]+)"/.exec(output)?.[1] ?? '0';
  const major = parseMajor(version);
  if (major < 17) throw runtimeErrors.javaTooOld(version);
  return { java, javac: await findJavac(bin), major };
}

/** "1.8.0_392" is Java 8; "17.0.15" and "21" are 17 and 21. */
export function parseMajor(version: string): number {
  const [first, second] = version.split(/[.+_-]/).map((part) => Number.parseInt(part, 10));
  return first === 1 ? (second ?? 0) : (first ?? 0);
}

async function findJavac(bin: string | undefined): Promise<string | undefined> {
  if (bin) {
    const javac = path.join(bin, 'javac');
    return access(javac).then(() => javac, () => undefined);
  }
  return run('javac', ['-version'], { timeout: 30_000 }).then(() => 'javac', () => undefined);
}
