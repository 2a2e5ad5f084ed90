/**
 * Graph.readText against the real test database, through a TCP relay that can drop connections: a read
 * whose connection fails is retried and answered; a read the database refuses is not retried. Reads start
 * without the driver's copy of the caller's stack, and leave stack traces as long as they were.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, runWithoutCallerStack } from '../../src/graph/graph.ts';
import { testGraphOptions } from '../support/graph.ts';

const options = testGraphOptions();
const target = /^bolt:\/\/([^:/]+):(\d+)/.exec(options.uri);

/** Relays TCP to the test database; closes the next `drop` connections as they arrive. */
class Relay {
  connections = 0;
  drop = 0;
  private readonly sockets = new Set<net.Socket>();
  readonly server = net.createServer((client) => {
    this.connections += 1;
    this.sockets.add(client);
    if (this.drop > 0) {
      this.drop -= 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target![2]), target![1]);
    this.sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `bolt://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

// A routing URI (neo4j://, neo4j+s://) sends the driver to the addresses in the routing table, around any relay.
describe.skipIf(!target)('Graph.readText (needs a bolt:// test database to relay)', () => {
  const relay = new Relay();
  let graph: Graph;

  beforeAll(async () => {
    graph = new Graph({ ...options, uri: await relay.listen() });
  });

  afterAll(async () => {
    await graph?.close();
    await relay.close();
  });

  it('answers a read whose first connections fail, by retrying it', async () => {
    relay.drop = 2;
    const before = relay.connections;
    await expect(graph.readText('RETURN 1 AS one')).resolves.toEqual([{ one: 1 }]);
    expect(relay.connections - before).toBeGreaterThanOrEqual(3);
  });

  it('does not retry what the database refuses, and says what it refused', async () => {
    relay.drop = 0;
    await graph.readText('RETURN 1 AS one'); // a pooled connection to refuse on
    const before = relay.connections;
    const started = Date.now();
    await expect(graph.readText('CREATE (:ReadRetryProbe) RETURN 1 AS one')).rejects.toMatchObject({
      code: 'DATABASE_ERROR',
      details: { neo4jCode: 'Neo.ClientError.Statement.AccessMode' },
    });
    // A retry would pause at least 160 ms before trying again; the refusal comes back on the pooled connection.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(relay.connections).toBe(before);
  });
});

describe('reads without the caller stack', () => {
  it('start the statement with no stack to copy, and give the limit back even when starting it throws', () => {
    const limit = Error.stackTraceLimit;
    expect(runWithoutCallerStack(() => new Error('inside').stack)).toBe('Error: inside');
    expect(() => runWithoutCallerStack(() => {
      throw new Error('refused');
    })).toThrow('refused');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack!.split('\n').length).toBeGreaterThan(1);
  });

  it('still map what the database refuses, and leave the limit as it was', async () => {
    const graph = new Graph(options);
    const limit = Error.stackTraceLimit;
    try {
      await expect(graph.readText('RETURN 1 AS one')).resolves.toEqual([{ one: 1 }]);
      await expect(graph.readText('RETURN nosuchfunction(1)')).rejects.toMatchObject({ code: 'DATABASE_ERROR' });
      expect(Error.stackTraceLimit).toBe(limit);
    } finally {
      await graph.close();
    }
  });
});
