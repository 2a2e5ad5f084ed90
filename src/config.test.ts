import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeNeo4j, graphOptions, loadConfig } from './config.ts';

let cacheDir: string;

beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'entente-config-'));
});

afterEach(() => {
  rmSync(cacheDir, { recursive: true, force: true });
});

function load(env: Record<string, string>, envFile?: string) {
  return loadConfig(env, { cacheDir, envFile });
}

function problem(env: Record<string, string>): { code?: string; message: string } {
  try {
    load(env);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('loadConfig without NEO4J_URI (the local Neo4j)', () => {
  it('uses 127.0.0.1:7687 as neo4j with a password generated once, owner-readable only', () => {
    const config = load({});
    const password = readFileSync(path.join(cacheDir, 'password'), 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(path.join(cacheDir, 'password')).mode & 0o777).toBe(0o600);
    expect(config.neo4j).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password,
      managed: true,
      local: { port: 7687, heap: '1g' },
    });
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(load({}).neo4j.password).toBe(password);
  });

  it('takes the port and heap from ENTENTE_NEO4J_PORT and ENTENTE_NEO4J_HEAP, and the API address from PORT and HOST', () => {
    const config = load({ ENTENTE_NEO4J_PORT: '7700', ENTENTE_NEO4J_HEAP: '512m', PORT: '8080', HOST: '0.0.0.0' });
    expect(config.neo4j).toMatchObject({ uri: 'bolt://127.0.0.1:7700', managed: true, local: { port: 7700, heap: '512m' } });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
  });

  it('treats an empty variable as unset', () => {
    const config = load({ NEO4J_URI: '', NEO4J_DATABASE: '', PORT: '' });
    expect(config.neo4j.managed).toBe(true);
    expect(config.neo4j.database).toBeUndefined();
    expect(config.port).toBe(4000);
  });
});

describe('loadConfig with NEO4J_URI', () => {
  it.each(['bolt://db.example.org:7687', 'neo4j://db.example.org', 'neo4j+s://abc123.databases.neo4j.io', 'bolt+s://db.example.org:7687', 'bolt+ssc://10.0.0.5:7687'])(
    'accepts %s, and generates no local password',
    (uri) => {
      const config = load({ NEO4J_URI: uri, NEO4J_USER: 'reader', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'treaties' });
      expect(config.neo4j).toEqual({ uri, user: 'reader', password: 'secret', database: 'treaties', managed: false });
      expect(readdirSync(cacheDir)).toEqual([]);
    },
  );

  it('requires NEO4J_USER and NEO4J_PASSWORD, and names both', () => {
    const error = problem({ NEO4J_URI: 'bolt://db.example.org:7687' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'The configuration is invalid (NEO4J_USER is required when NEO4J_URI is set; NEO4J_PASSWORD is required when NEO4J_URI is set): fix it in the environment or in .env.',
    );
  });

  it('rejects an address that is not Bolt', () => {
    expect(problem({ NEO4J_URI: 'http://db.example.org:7474', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p' }).message).toBe(
      'The configuration is invalid (NEO4J_URI must be an address such as bolt://host:7687 (or neo4j://, neo4j+s://, bolt+s://)): fix it in the environment or in .env.',
    );
  });
});

describe('loadConfig problems', () => {
  it('reports every problem at once', () => {
    const error = problem({ PORT: 'abc', ENTENTE_NEO4J_PORT: '70000', ENTENTE_NEO4J_HEAP: 'lots', NEO4J_URI: 'neo4j://db', NEO4J_USER: 'u' });
    expect(error.code).toBe('CONFIG_INVALID');
    for (const text of ['ENTENTE_NEO4J_PORT must be between 1 and 65535', 'ENTENTE_NEO4J_HEAP must be a size such as 1g or 512m', 'PORT must be a port number', 'NEO4J_PASSWORD is required when NEO4J_URI is set']) {
      expect(error.message).toContain(text);
    }
  });
});

describe('the .env file', () => {
  it('fills in what the environment leaves unset, and the environment wins', () => {
    const envFile = path.join(cacheDir, '.env');
    writeFileSync(envFile, '# remote database\nNEO4J_URI=neo4j+s://abc.databases.neo4j.io\nNEO4J_USER=reader\nNEO4J_PASSWORD="from file"\nPORT=5000\n');
    const config = load({ PORT: '6000' }, envFile);
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'reader', password: 'from file', managed: false });
    expect(config.port).toBe(6000);
  });

  it('is optional', () => {
    expect(load({}, path.join(cacheDir, 'missing.env')).neo4j.managed).toBe(true);
  });
});

describe('graphOptions and describeNeo4j', () => {
  it('pass the connection on, with the database only when set', () => {
    const remote = load({ NEO4J_URI: 'neo4j://db.example.org', NEO4J_USER: 'u', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'treaties' });
    expect(graphOptions(remote)).toMatchObject({ uri: 'neo4j://db.example.org', user: 'u', password: 'secret', database: 'treaties' });
    expect('database' in graphOptions(load({}))).toBe(false);
  });

  it('never show the password', () => {
    const remote = load({ NEO4J_URI: 'neo4j://db.example.org', NEO4J_USER: 'u', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'treaties' });
    expect(describeNeo4j(remote)).toBe('Neo4j at neo4j://db.example.org as u (database treaties)');
    expect(describeNeo4j(load({}))).toBe('the local Neo4j at bolt://127.0.0.1:7687');
  });
});
