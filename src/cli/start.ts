/**
 * `npm start`: the main job. Starts the local Neo4j when NEO4J_URI is unset, applies the schema, loads the
 * seeds (a no-op when they are already loaded), and serves the API and the dashboard until stopped.
 *
 * `npm start -- --serve-only` only serves: for an API that runs as a read-only database user (see
 * docs/hardening.md), after the schema and seeds were loaded with `npm run seed` by a user that may write.
 */
// First: it sets NODE_ENV before graphql-js loads.
import './production.ts';
import { parseArgs } from 'node:util';
import { describeNeo4j, graphOptions, loadConfig } from '../config.ts';
import { Graph } from '../graph/graph.ts';
import { applySchema } from '../graph/schema.ts';
import { ensureLocalNeo4j } from '../runtime/index.ts';
import { startServer } from '../api/server.ts';
import { formatReport, loadSeeds } from '../seeds/load.ts';
import { SEEDS_DIR } from '../seeds/paths.ts';
import { runCli } from './run.ts';

/**
 * Asks the dashboard's first question once, in the background, so that Neo4j has planned and cached it
 * before the first visitor arrives (a cold first query is several times slower).
 */
async function warmUp(url: string): Promise<void> {
  const query = '{ allianceNetwork { nodes { code name region } edges { a { code } b { code } treaties { id } obligations } } }';
  try {
    await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  } catch {
    // A failed warm-up costs nothing but the warm-up.
  }
}

await runCli(async () => {
  const { values } = parseArgs({ options: { 'serve-only': { type: 'boolean', default: false } } });
  const config = loadConfig();
  await ensureLocalNeo4j(config);
  const graph = new Graph(graphOptions(config));
  // Closed whatever happens: on a failure (a port taken, an invalid seed file) the driver's open connections
  // would otherwise keep the process alive after the message.
  try {
    await graph.verify();
    console.log(`Using ${describeNeo4j(config)}.`);
    if (!values['serve-only']) {
      await applySchema(graph);
      console.log(formatReport(await loadSeeds(graph, { dir: SEEDS_DIR })));
    }
    // Listening for the stop signals before saying "serving": whoever reads that line may stop us at once.
    const stopped = new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    const server = await startServer({ graph, port: config.port, host: config.host, limits: config.limits });
    console.log(`Entente is serving the dashboard at ${server.url}/ and GraphQL (with GraphiQL) at ${server.url}/graphql`);
    void warmUp(server.url);
    await stopped;
    await server.close();
  } finally {
    await graph.close();
  }
  return 0;
});
