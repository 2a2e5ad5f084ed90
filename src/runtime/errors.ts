/**
 * Every way the local Neo4j can fail to start or stop, each with a stable code and one sentence saying what is
 * wrong and what to do. Kept together so the CLI, `npm start` and the test setup say the same thing.
 */
import { EntenteError } from '../errors.ts';
import { displayPath, NEO4J_VERSION } from './paths.ts';

const ELSEWHERE = 'or set NEO4J_URI to a Neo4j that is already running';

export const runtimeErrors = {
  javaMissing: () =>
    new EntenteError('JAVA_MISSING', `Java was not found, and the local Neo4j needs Java 17 or 21: install a JDK (for example \`apt-get install openjdk-17-jdk-headless\`) or set JAVA_HOME, ${ELSEWHERE}.`),
  javaTooOld: (version: string) =>
    new EntenteError('JAVA_TOO_OLD', `Java ${version} is too old for Neo4j ${NEO4J_VERSION}: install Java 17 or 21 and point JAVA_HOME at it, ${ELSEWHERE}.`, { version }),
  mavenMissing: () =>
    new EntenteError('MAVEN_MISSING', `Maven (mvn) was not found, and it is needed once to fetch Neo4j ${NEO4J_VERSION}: install it (for example \`apt-get install maven\`), ${ELSEWHERE}.`),
  fetchFailed: (logFile: string) =>
    new EntenteError('NEO4J_FETCH_FAILED', `Maven could not fetch Neo4j ${NEO4J_VERSION} (details in ${displayPath(logFile)}): check that Maven Central is reachable and try again.`, { logFile }),
  compileFailed: (logFile: string) =>
    new EntenteError('NEO4J_LAUNCHER_FAILED', `The Neo4j launcher did not compile (details in ${displayPath(logFile)}): check that neo4j/Launcher.java is intact and that a full JDK is installed.`, { logFile }),
  portInUse: (port: number) =>
    new EntenteError('PORT_IN_USE', `Port ${port} on 127.0.0.1 is already in use: stop whatever listens there, or set ENTENTE_NEO4J_PORT to a free port.`, { port }),
  storeLocked: (home: string) =>
    new EntenteError('STORE_LOCKED', `The Neo4j store in ${displayPath(home)} is locked by another process: stop the other Neo4j (\`npm run neo4j -- stop\`) or end the leftover java process holding it.`, { home }),
  startFailed: (reason: string, logFile: string) =>
    new EntenteError('NEO4J_START_FAILED', `Neo4j did not start (${reason}): see ${displayPath(logFile)} for details.`, { reason, logFile }),
  startTimeout: (seconds: number, logFile: string) =>
    new EntenteError('NEO4J_START_TIMEOUT', `Neo4j was not ready after ${seconds} seconds and was stopped: see ${displayPath(logFile)} for details.`, { logFile }),
  stopFailed: (pid: number) =>
    new EntenteError('NEO4J_STOP_FAILED', `Neo4j (pid ${pid}) did not stop: end it with \`kill -9 ${pid}\`.`, { pid }),
};
