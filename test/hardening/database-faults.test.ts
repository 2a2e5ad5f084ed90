/**
 * The database goes away and comes back, on a Neo4j of this file's own (the shared test instance is left
 * alone): while it is down, queries answer within seconds with DATABASE_UNAVAILABLE and /ready is 503,
 * while /health stays 200; once it is back, the same server process answers again by itself.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/graph.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { startThrowawayNeo4j, type ThrowawayNeo4j } from '../../src/runtime/index.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { askUntil } from '../support/poll.ts';
import { query, send, startServerProcess, type ServerProcess } from '../support/server.ts';

const dir = path.join(REPO_ROOT, '.neo4j-test', `faults-${randomBytes(4).toString('hex')}`);
const PRK = '{ nation(code: "PRK") { name } }';
let neo4j: ThrowawayNeo4j;
let server: ServerProcess;

beforeAll(async () => {
  neo4j = await startThrowawayNeo4j({ dir });
  const graph = new Graph({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    // The schema (for /ready) and the one nation the test asks for: what the data is does not matter here,
    // and a full seed load on a cold instance would double the file's time.
    await applySchema(graph);
    await graph.write((tx) => tx.tx.run("MERGE (n:Nation {code: 'PRK'}) SET n.name = 'North Korea'"));
  } finally {
    await graph.close();
  }
  server = await startServerProcess(neo4j, { connectionTimeoutMs: 2_000 });
});

afterAll(async () => {
  await server?.stop();
  await neo4j?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a database that goes away and comes back', () => {
  it('is answered normally at first', async () => {
    expect((await query(server.url, { query: PRK })).json).toEqual({ data: { nation: { name: 'North Korea' } } });
    expect((await send(`${server.url}/ready`)).status).toBe(200);
  });

  it('while down: a clear error within seconds, /ready 503, /health 200', async () => {
    await neo4j.stop();
    const [answer, ready, health] = await Promise.all([query(server.url, { query: PRK }), send(`${server.url}/ready`), send(`${server.url}/health`)]);
    // "Within seconds", not a hang: the bound is loose because CI machines are shared and slow.
    expect(answer.ms).toBeLessThan(20_000);
    expect(answer.json?.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(answer.json!.errors![0]!.message).toMatch(/^The database is unavailable: /);
    expect(answer.json!.data).toEqual({ nation: null });
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(20_000);
    expect(health.status).toBe(200);
  });

  it('once back: the same process answers again, without a restart', async () => {
    await neo4j.restart();
    const answer = await askUntil(() => query(server.url, { query: PRK }), (a) => !a.json?.errors, 15_000, 250);
    expect(answer.json).toEqual({ data: { nation: { name: 'North Korea' } } });
    const ready = await askUntil(() => send(`${server.url}/ready`), (a) => a.status === 200, 15_000, 250);
    expect(ready.status).toBe(200);
    expect(server.alive()).toBe(true);
  });
});
