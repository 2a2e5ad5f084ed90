/**
 * One Neo4j for the whole test run. With NEO4J_TEST_URI (and NEO4J_TEST_USER, NEO4J_TEST_PASSWORD, optionally
 * NEO4J_TEST_DATABASE) the tests use that database; otherwise a throwaway instance starts in
 * `.neo4j-test/<random>` on a free port and is stopped and deleted at the end. Tests reach it through
 * `inject('neo4j')`, or more simply `testGraph()` from test/support/graph.ts.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../src/runtime/paths.ts';
import { startThrowawayNeo4j } from '../src/runtime/index.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { NEO4J_TEST_URI: uri, NEO4J_TEST_USER: user, NEO4J_TEST_PASSWORD: password, NEO4J_TEST_DATABASE: database } = process.env;
  if (uri) {
    if (!user || !password) throw new Error('NEO4J_TEST_URI is set without NEO4J_TEST_USER and NEO4J_TEST_PASSWORD: set both, or unset NEO4J_TEST_URI to let the tests start their own Neo4j.');
    project.provide('neo4j', { uri, user, password, ...(database ? { database } : {}) });
    return async () => {};
  }

  const dir = path.join(REPO_ROOT, '.neo4j-test', randomBytes(6).toString('hex'));
  const started = Date.now();
  const instance = await startThrowawayNeo4j({ dir });
  console.log(`test Neo4j ready at ${instance.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('neo4j', { uri: instance.uri, user: instance.user, password: instance.password });
  return async () => {
    await instance.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
