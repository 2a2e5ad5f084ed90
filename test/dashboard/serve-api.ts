/**
 * Runs the real API server (with the dashboard's built files) in its own process for the browser tests:
 * vitest's module runner would load graphql twice in-process. Reads the database and options from the
 * environment, prints one JSON line `{"url": ...}` when listening, and stops on SIGTERM.
 */
import { Graph } from '../../src/graph/graph.ts';
import { startServer } from '../../src/api/server.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`serve-api: ${name} is not set`);
  return value;
};

const graph = new Graph({
  uri: env('DASHBOARD_NEO4J_URI'),
  user: env('DASHBOARD_NEO4J_USER'),
  password: env('DASHBOARD_NEO4J_PASSWORD'),
  ...(process.env.DASHBOARD_NEO4J_DATABASE ? { database: process.env.DASHBOARD_NEO4J_DATABASE } : {}),
  readTimeoutMs: 30_000,
});
const server = await startServer({
  graph,
  port: 0,
  host: '127.0.0.1',
  webDir: env('DASHBOARD_WEB_DIR'),
  ...(process.env.DASHBOARD_TODAY ? { today: process.env.DASHBOARD_TODAY } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const stop = async () => {
  await server.close();
  await graph.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
