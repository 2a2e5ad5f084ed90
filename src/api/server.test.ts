/**
 * The server's own failures to listen come out as sentences that say what to set: a taken port, an address
 * this machine does not have. (Nothing here reaches the database: the Graph is never asked anything.)
 */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Graph } from '../graph/graph.ts';
import { freePort } from '../runtime/port.ts';
import { startServer } from './server.ts';

const graph = new Graph({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused' });
afterAll(() => graph.close());

describe('startServer', () => {
  it('gives API_PORT_IN_USE, naming the port and PORT, when something listens there', async () => {
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startServer({ graph, port, webDir: '/nonexistent' })).rejects.toMatchObject({
        code: 'API_PORT_IN_USE',
        message: `Port ${port} on 127.0.0.1 is already in use (another Entente, or another program): stop it, or set PORT to a free port.`,
      });
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('gives API_HOST_UNAVAILABLE for an address the machine does not have', async () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): no machine has it.
    await expect(startServer({ graph, port: 0, host: '192.0.2.1', webDir: '/nonexistent' })).rejects.toMatchObject({
      code: 'API_HOST_UNAVAILABLE',
      message: '192.0.2.1 is not an address of this machine: set HOST to one of its addresses (127.0.0.1 by default).',
    });
  });
});
