/**
 * The HTTP server: GraphQL at /graphql (GraphiQL in a browser), /health and /ready, and the dashboard's
 * built files at /. A POST of an operation answered before skips yoga's Fetch API layer (fast-lane.ts). It
 * only reads: every database session it opens is a READ session. Without `limits`, the limits come from the
 * environment (src/config.ts, `loadLimits`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { loadLimits } from '../config.ts';
import { EntenteError } from '../errors.ts';
import { fastLane } from './fast-lane.ts';
import { buildApi, type ApiOptions } from './yoga.ts';

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
  const limits = options.limits ?? loadLimits();
  const { yoga, prepared } = buildApi({ ...options, limits });
  // An operation admitted before is answered without yoga's Fetch API layer (fast-lane.ts).
  const graphql = prepared
    ? fastLane({ yoga, prepared, maxBodyBytes: limits.maxBodyBytes })
    : (req: IncomingMessage, res: ServerResponse) => void yoga(req, res);
  const webDir = options.webDir ?? WEB_DIST;
  const serveStatic = existsSync(webDir) ? sirv(webDir, { single: true, etag: true, gzip: false, brotli: false }) : undefined;
  const api = /^\/(graphql|health|ready)(?:[/?]|$)/;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (api.test(req.url ?? '/') || !serveStatic) {
      graphql(req, res);
      return;
    }
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, options.port)));
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port that cannot be had, as a sentence that says what to do; anything else as it came. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new EntenteError('API_PORT_IN_USE', `Port ${port} on ${host} is already in use (another Entente, or another program): stop it, or set PORT to a free port.`, { host, port });
  }
  if (error.code === 'EACCES') {
    return new EntenteError('API_PORT_DENIED', `This user may not listen on port ${port} on ${host}: set PORT to a port above 1023.`, { host, port });
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return new EntenteError('API_HOST_UNAVAILABLE', `${host} is not an address of this machine: set HOST to one of its addresses (127.0.0.1 by default).`, { host, port });
  }
  return error;
}
