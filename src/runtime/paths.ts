/**
 * Where the local Neo4j lives. Everything is under the git-ignored `.neo4j/` at the repository root: the jars
 * (shared by the local instance and every throwaway test instance), the compiled launcher, and the local
 * instance's store, pid file, password and log. A throwaway instance keeps its own store, pid file and log
 * in a folder of its own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Neo4j Community release the jars are fetched at; neo4j/pom.xml pins the same one. */
export const NEO4J_VERSION = '5.26.30';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE_DIR = path.join(REPO_ROOT, '.neo4j');
export const LIB_DIR = path.join(CACHE_DIR, 'lib');
export const POM_FILE = path.join(REPO_ROOT, 'neo4j', 'pom.xml');
export const LAUNCHER_SOURCE = path.join(REPO_ROOT, 'neo4j', 'Launcher.java');

/** The files of one instance, local or throwaway. */
export interface InstanceFiles {
  /** The folder holding everything below. */
  root: string;
  /** Neo4j's home: the store (`data/`) and Neo4j's own logs (`logs/`). */
  home: string;
  /** `{ pid, port }` of the running launcher; absent when stopped. */
  runFile: string;
  /** The launcher's stdout and stderr. */
  logFile: string;
}

export function instanceFiles(root: string): InstanceFiles {
  return {
    root,
    home: path.join(root, 'data'),
    runFile: path.join(root, 'run.json'),
    logFile: path.join(root, 'neo4j.log'),
  };
}

/** Shows a path relative to the repository when it is inside it, for shorter messages. */
export function displayPath(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
