/**
 * Imported first by the commands that serve the API: NODE_ENV is "production" unless set. graphql-js
 * decides at load time whether to run its development checks, and one of them (an instanceof guard on
 * every type test, against two copies of graphql) costs 10-20% of a request's CPU; tests keep the checks.
 */
process.env.NODE_ENV ??= 'production';
