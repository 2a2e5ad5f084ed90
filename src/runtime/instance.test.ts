/**
 * The runtime against a real Neo4j of its own (not the shared test database, since these tests stop it):
 * how each start-up fault and each connection fault reads to a person.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../graph/graph.ts';
import { startThrowawayNeo4j, type ThrowawayNeo4j } from './index.ts';
import { instanceStatus, isLauncher, startInstance, waitForExit } from './instance.ts';
import { instanceFiles, REPO_ROOT } from './paths.ts';
import { freePort } from './port.ts';

const testRoot = path.join(REPO_ROOT, '.neo4j-test', `runtime-${randomBytes(4).toString('hex')}`);
const dir = path.join(testRoot, 'main');

let neo4j: ThrowawayNeo4j;

beforeAll(async () => {
  neo4j = await startThrowawayNeo4j({ dir });
});

afterAll(async () => {
  await neo4j?.stop();
  await rm(testRoot, { recursive: true, force: true });
});

function graph(options: Partial<ConstructorParameters<typeof Graph>[0]> = {}): Graph {
  return new Graph({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, ...options });
}

async function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('a throwaway Neo4j', () => {
  it('answers on its own port with its own password, and records its pid', async () => {
    const status = await instanceStatus(dir);
    expect(status).toMatchObject({ state: 'running', uri: neo4j.uri });
    const g = graph();
    try {
      await g.verify();
      expect(await g.readText('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await g.close();
    }
  });

  it('gives PORT_IN_USE when something already listens on the port', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const error = await failure(startThrowawayNeo4j({ dir: path.join(testRoot, 'taken') , port }));
      expect(error.code).toBe('PORT_IN_USE');
      expect(error.message).toBe(`Port ${port} on 127.0.0.1 is already in use: stop whatever listens there, or set ENTENTE_NEO4J_PORT to a free port.`);
    } finally {
      server.close();
    }
  });

  it('gives STORE_LOCKED when a second launcher opens the same store, and leaves the first running', async () => {
    const error = await failure(
      startInstance({ root: dir, port: await freePort(), password: 'another-password', heap: '256m', detached: false, jvmFlags: ['-XX:TieredStopAtLevel=1'] }),
    );
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.message).toBe(
      `The Neo4j store in ${path.relative(REPO_ROOT, instanceFiles(dir).home)} is locked by another process: stop the other Neo4j (\`npm run neo4j -- stop\`) or end the leftover java process holding it.`,
    );
    expect(await instanceStatus(dir)).toMatchObject({ state: 'running', uri: neo4j.uri });
  });

  it('gives DATABASE_AUTH_FAILED for a wrong password', async () => {
    const g = graph({ password: 'not-the-password' });
    try {
      const error = await failure(g.readText('RETURN 1'));
      expect(error.code).toBe('DATABASE_AUTH_FAILED');
      expect(error.message).toMatch(/^Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD/);
    } finally {
      await g.close();
    }
  });

  it('gives DATABASE_NOT_FOUND for a database the server does not have', async () => {
    const g = graph({ database: 'nowhere' });
    try {
      const error = await failure(g.readText('RETURN 1'));
      expect(error.code).toBe('DATABASE_NOT_FOUND');
      expect(error.message).toBe('Neo4j has no database named "nowhere": check NEO4J_DATABASE, or unset it to use the server\'s default (Neo4j Community has only `neo4j`).');
    } finally {
      await g.close();
    }
  });

  it('gives QUERY_TIMEOUT when a read outlasts its timeout', async () => {
    const g = graph({ readTimeoutMs: 200 });
    try {
      const error = await failure(g.readText('UNWIND range(1, 1000000000) AS i WITH i WHERE i = -1 RETURN count(*) AS n'));
      expect(error.code).toBe('QUERY_TIMEOUT');
    } finally {
      await g.close();
    }
  });

  it('gives DATABASE_UNAVAILABLE when nothing answers on the port, within the connection timeout', async () => {
    const server = net.createServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const g = graph({ uri: `bolt://127.0.0.1:${port}`, connectionTimeoutMs: 1_000 });
    try {
      const error = await failure(g.verify());
      expect(error.code).toBe('DATABASE_UNAVAILABLE');
      expect(error.message).toMatch(/^Neo4j did not answer in time: /);
    } finally {
      await g.close();
      server.close();
    }
  });

  // Last: it stops the instance.
  it('stops on request, and then a query gives DATABASE_UNAVAILABLE quickly', async () => {
    const g = graph();
    try {
      await g.readText('RETURN 1');
      await neo4j.stop();
      expect(await instanceStatus(dir)).toEqual({ state: 'stopped' });
      expect(existsSync(instanceFiles(dir).runFile)).toBe(false);
      const started = Date.now();
      const error = await failure(g.readText('RETURN 1'));
      expect(error.code).toBe('DATABASE_UNAVAILABLE');
      expect(error.message).toBe('The database is unavailable: start it with `npm run neo4j -- start`, or check NEO4J_URI.');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await g.close();
    }
  });
});

describe('an attached Neo4j (test and benchmark instances)', () => {
  /** The pid of the launcher whose command line names `home`, once one runs (within `timeoutMs`). */
  async function launcherFor(home: string, timeoutMs: number): Promise<number | undefined> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
      for (const entry of await readdir('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
        if (cmdline.includes('Launcher') && cmdline.split('\0').includes(home)) return Number(entry);
      }
    }
    return undefined;
  }

  it('shuts down when the process that started it is killed, even while it is still starting', async () => {
    const root = path.join(testRoot, 'orphan');
    const home = instanceFiles(root).home;
    const port = await freePort();
    const start = `import { startInstance } from ${JSON.stringify(path.join(REPO_ROOT, 'src/runtime/instance.ts'))};
      await startInstance({ root: ${JSON.stringify(root)}, port: ${port}, password: 'orphan-password', heap: '256m', detached: false, timeoutMs: 120000 });
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', start], { cwd: REPO_ROOT, stdio: 'ignore' });
    let java: number | undefined;
    try {
      java = await launcherFor(home, 60_000);
      expect(java, 'the launcher never started').toBeDefined();
      // Killed at once: most likely before Neo4j is up, the moment a watch begun after start-up would miss.
      parent.kill('SIGKILL');
      expect(await waitForExit(java!, 30_000), 'the launcher outlived its parent').toBe(true);
    } finally {
      parent.kill('SIGKILL');
      if (java !== undefined && (await isLauncher(java))) process.kill(java, 'SIGKILL');
    }
  }, 120_000);
});
