/**
 * Imported first by the commands that serve the API: NODE_ENV is "production" unless set. graphql-js
 * decides at load time whether to run its development checks, and one of them (an instanceof guard on
 * every type test, against two copies of graphql) costs 10-20% of a request's CPU; tests keep the checks.
 *
 * In production, stack traces are not mapped back to the TypeScript source (tsx turns the mapping on).
 * neo4j-driver captures a stack for every query result, and mapping it took about 7% of the server's CPU;
 * the API never shows a stack (errors are masked and logged as one line), so nothing is lost to a client.
 */
process.env.NODE_ENV ??= 'production';
if (process.env.NODE_ENV === 'production') process.setSourceMapsEnabled(false);
