/**
 * Runs the contract's stand-in (fake-api.ts) in its own process, like serve-api.ts, for the render
 * measurement: DASHBOARD_DATA=synthetic (default) or fixture, DASHBOARD_WEB_DIR the built page. Prints one
 * JSON line `{"url": ...}` when listening, and stops on SIGTERM.
 */
import { fixtureData, startFakeServer, syntheticAtopScale } from './fake-api.ts';

const webDir = process.env.DASHBOARD_WEB_DIR;
if (!webDir) throw new Error('serve-fake: DASHBOARD_WEB_DIR is not set');
const data = process.env.DASHBOARD_DATA === 'fixture' ? fixtureData() : syntheticAtopScale();
const server = await startFakeServer(data, webDir);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
