/**
 * `npm run neo4j -- start|stop|status`: the local Neo4j in `.neo4j/`, which keeps running between commands.
 * A failure prints the one sentence of its EntenteError and exits 1; never a stack trace.
 */
import { describeNeo4j, loadConfig } from '../config.ts';
import { isEntenteError } from '../errors.ts';
import { localNeo4jStatus, NEO4J_VERSION, startLocalNeo4j, stopLocalNeo4j } from '../runtime/index.ts';

const USAGE = 'usage: npm run neo4j -- start|stop|status';

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'start': {
      const config = loadConfig();
      const started = await startLocalNeo4j(config, (line) => console.log(line));
      if (!started) {
        console.log(`NEO4J_URI is set, so Entente uses ${describeNeo4j(config)} and starts no local Neo4j.`);
      } else if (started.alreadyRunning) {
        console.log(`Neo4j is already running at ${started.instance.uri} (pid ${started.instance.pid}).`);
      } else {
        console.log(`Neo4j ${NEO4J_VERSION} is running at ${started.instance.uri} (pid ${started.instance.pid}); data in .neo4j/data, log in .neo4j/neo4j.log.`);
      }
      return 0;
    }
    case 'stop': {
      const result = await stopLocalNeo4j();
      console.log(result === 'stopped' ? 'Neo4j stopped.' : 'Neo4j was not running.');
      return 0;
    }
    case 'status': {
      const status = await localNeo4jStatus();
      console.log(status.state === 'running' ? `running: ${status.uri} (pid ${status.pid}, port ${status.port})` : 'stopped');
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(isEntenteError(error) ? error.message : `neo4j ${process.argv[2]} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
