/**
 * The seed loader (`npm run seed`, in a process of its own) interrupted in the middle of its write: killed
 * with SIGKILL, or its connection to Neo4j cut. Either way the graph is exactly what it was before, and
 * running the loader again gives exactly the graph of an uninterrupted load (canonical dumps compared).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/graph.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { loadSeeds } from '../../src/seeds/load.ts';
import { clearDatabase, seedTestDatabase, testGraph, testLogin } from '../support/graph.ts';
import { askUntil } from '../support/poll.ts';
import { writeBigSeeds } from './big-seeds.ts';
import { canonicalDump, fingerprint, type CanonicalDump } from './dump.ts';

/** Enough generated nations for the load to take seconds, not enough for one transaction to run out of memory. */
const EXTRA_NATIONS = 2_000;

const graph = testGraph();
let bigSeeds: string;
let seedsOnly: CanonicalDump;
let uninterrupted: CanonicalDump;

beforeAll(async () => {
  bigSeeds = writeBigSeeds(EXTRA_NATIONS);
  await seedTestDatabase(graph);
  await clearDatabase(graph);
  await loadSeeds(graph, { dir: bigSeeds });
  uninterrupted = await canonicalDump(graph);
  await seedTestDatabase(graph);
  seedsOnly = await canonicalDump(graph);
});

afterAll(async () => {
  await seedTestDatabase(graph);
  await graph.close();
  rmSync(bigSeeds, { recursive: true, force: true });
});

interface Loader {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** `npm run seed -- --dir <big seeds>` against the test database (or `uri`), as its own process. */
function startLoader(uri?: string): Loader {
  const db = testLogin();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--dir', bigSeeds], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: uri ?? db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, output }));
  });
  return { child, exited };
}

/** The loader's write statements running on the server now (this query excluded). */
async function loaderWrites(db: Graph): Promise<number> {
  const session = db.driver.session({ database: db.database });
  try {
    const result = await session.run(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND $rows' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
    );
    return Number(result.records[0]!.get('n'));
  } finally {
    await session.close();
  }
}

/** Every transaction but this query's, to know the server has rolled the loader's back. */
async function openTransactions(db: Graph): Promise<number> {
  const session = db.driver.session({ database: db.database });
  try {
    const result = await session.run("SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n");
    return Number(result.records[0]!.get('n'));
  } finally {
    await session.close();
  }
}

/** A TCP relay to the test database whose connections can be cut at once, as a network failure would. */
async function startRelay(): Promise<{ uri: string; cut(): void }> {
  const target = new URL(testLogin().uri);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    cut: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}

describe('a load interrupted in the middle', () => {
  it('the big seed folder loads to a different graph than the seeds alone (or the test would prove nothing)', () => {
    expect(uninterrupted.nodes.length).toBe(seedsOnly.nodes.length + 2 * EXTRA_NATIONS);
    expect(fingerprint(uninterrupted)).not.toBe(fingerprint(seedsOnly));
  });

  it('killed with SIGKILL while writing: the graph is as it was', async () => {
    const loader = startLoader();
    expect(await askUntil(() => loaderWrites(graph), (writes) => writes > 0, 60_000, 50), 'the loader to start writing').toBeGreaterThan(0);
    loader.child.kill('SIGKILL');
    const { signal } = await loader.exited;
    expect(signal).toBe('SIGKILL');
    expect(await askUntil(() => openTransactions(graph), (open) => open === 0, 30_000, 50), 'Neo4j to roll the transaction back').toBe(0);
    expect(await canonicalDump(graph)).toEqual(seedsOnly);
  });

  it('its connection cut while writing: the loader says the database is unavailable, and the graph is as it was', async () => {
    const relay = await startRelay();
    const loader = startLoader(relay.uri);
    expect(await askUntil(() => loaderWrites(graph), (writes) => writes > 0, 60_000, 50), 'the loader to start writing').toBeGreaterThan(0);
    relay.cut();
    const { code, output } = await loader.exited;
    expect(code).toBe(1);
    expect(output).toMatch(/^The database is unavailable: .* \[DATABASE_UNAVAILABLE\]$/m);
    expect(await askUntil(() => openTransactions(graph), (open) => open === 0, 30_000, 50), 'Neo4j to roll the transaction back').toBe(0);
    expect(await canonicalDump(graph)).toEqual(seedsOnly);
  });

  it('run again to the end: exactly the graph of an uninterrupted load', async () => {
    const { code, output } = await startLoader().exited;
    expect(code, output).toBe(0);
    expect(output).toMatch(/Seeds loaded from \d+ files: \d+ created/);
    expect(await canonicalDump(graph)).toEqual(uninterrupted);
  });
});
