/**
 * Credentials come from the environment and never reach the output: `npm start` (src/cli/start.ts) with
 * the right password, and with a wrong one, prints neither; and .env, where they may be kept, is ignored
 * by git. And `npm start` on a port already taken says so in one sentence and exits.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/runtime/port.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { askUntil } from '../support/poll.ts';
import { query, send } from '../support/server.ts';
import { testLogin } from '../support/graph.ts';

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  stop(): void;
}

const running: Run[] = [];
afterAll(() => {
  for (const run of running) run.stop();
});

/** `npm start` without the dashboard build: the CLI itself, with only the given environment. */
function start(env: Record<string, string>, args: string[] = []): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DEBUG: 'entente', ...env },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const run: Run = {
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    stop: () => child.kill('SIGTERM'),
  };
  running.push(run);
  return run;
}

describe('credentials', () => {
  it('are not printed by npm start, neither at start nor while serving, nor at a failed query', async () => {
    const db = testLogin();
    const port = await freePort();
    const run = start({ NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, PORT: String(port), HOST: '127.0.0.1' });
    expect(await askUntil(run.output, (output) => /Entente is serving/.test(output), 60_000)).toMatch(/Entente is serving/);
    const url = `http://127.0.0.1:${port}`;
    expect((await send(`${url}/ready`)).status).toBe(200);
    await query(url, { query: '{ nation(code: "USA") { name } }' });
    await query(url, { query: '{ nation(code: "USA") { nope } }' });
    await query(url, { query: '{ alliesOf(code: "USA", asOf: "2024-02-30") { nation { code } } }' });
    run.stop();
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain(`Using Neo4j at ${db.uri} as ${db.user}.`);
    expect(run.output()).not.toContain(db.password);
  });

  it('are not printed when Neo4j refuses them', async () => {
    const db = testLogin();
    const wrong = `wrong-${db.password.split('').reverse().join('')}`;
    const run = start({ NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: wrong, PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.*\[DATABASE_AUTH_FAILED\]/);
    expect(run.output()).not.toContain(wrong);
    expect(run.output()).not.toContain(db.password);
  });

  it('--serve-only serves without writing (for a read-only database user)', async () => {
    const db = testLogin();
    const port = await freePort();
    const run = start({ NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, PORT: String(port) }, ['--serve-only']);
    expect(await askUntil(run.output, (output) => /Entente is serving/.test(output), 60_000)).toMatch(/Entente is serving/);
    run.stop();
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain('Seeds loaded');
    expect(run.output()).not.toContain(db.password);
  });

  it('may be kept in .env, which git ignores', () => {
    expect(execFileSync('git', ['check-ignore', '.env'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()).toBe('.env');
  });
});

describe('npm start on a port already taken', () => {
  it('says which port and what to do, and exits with 1 instead of hanging on', async () => {
    const db = testLogin();
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const run = start({ NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, PORT: String(port) }, ['--serve-only']);
      const code = await Promise.race([run.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 60_000))]);
      expect(code).toBe(1);
      expect(run.output()).toContain(`Port ${port} on 127.0.0.1 is already in use (another Entente, or another program): stop it, or set PORT to a free port. [API_PORT_IN_USE]`);
      // One sentence, even with DEBUG=entente: no stack trace, no "Unexpected failure".
      expect(run.output()).not.toMatch(/Unexpected failure|\n\s+at /);
      expect(run.output()).not.toContain(db.password);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
