/**
 * The HTTP server: GraphQL at /graphql (GraphiQL in a browser), /health and /ready, and the dashboard's
 * built files at /. It only reads: every database session it opens is a READ session. Without `limits`, the
 * limits come from the environment (src/config.ts, `loadLimits`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { loadLimits } from '../config.ts';
import { createApi, type ApiOptions } from './yoga.ts';

export const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface ServerOptions extends ApiOptions {
  port: number;
  host?: string;
  /** The dashboard's built files; web/dist by default. */
  webDir?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const yoga = createApi({ ...options, limits: options.limits ?? loadLimits() });
  const webDir = options.webDir ?? WEB_DIST;
  const serveStatic = existsSync(webDir) ? sirv(webDir, { single: true, etag: true, gzip: false, brotli: false }) : undefined;
  const api = /^\/(graphql|health|ready)(?:[/?]|$)/;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (api.test(req.url ?? '/') || !serveStatic) {
      void yoga(req, res);
      return;
    }
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
