/**
 * The three servers the benchmark compares, each over the same graph, each in a process of its own so its
 * memory can be measured:
 * - `entente`: Entente's GraphQL API (src/api/server.ts), as `npm start` serves it;
 * - `cypher`: hand-written Cypher (bench/cypher/) through neo4j-driver behind a bare node:http server, one
 *   POST /<query> per statement: the floor any API over this graph could reach;
 * - `neo4j-graphql`: @neo4j/graphql's generated API for the same graph, served by graphql-yoga.
 *
 *   tsx bench/servers.ts <entente|cypher|neo4j-graphql>   (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
 * prints one line `{"url": ...}` once listening, and stops on SIGTERM.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';

export type ServerKind = 'entente' | 'cypher' | 'neo4j-graphql';
export const SERVER_KINDS: readonly ServerKind[] = ['entente', 'cypher', 'neo4j-graphql'];

const CYPHER_DIR = join(import.meta.dirname, 'cypher');

/** The statements of bench/cypher/, by file name without `.cypher`. */
export function benchCypher(): Map<string, string> {
  return new Map(readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher')).map((f) => [f.slice(0, -7), readFileSync(join(CYPHER_DIR, f), 'utf8')]));
}

/** The graph as @neo4j/graphql sees it: the labels, properties and relationships the queries touch. */
export const NEO4J_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
  type Nation @node {
    code: ID!
    name: String!
    region: String
    treaties: [Treaty!]! @relationship(type: "PARTY_TO", direction: OUT, properties: "Party")
  }
  type Treaty @node {
    id: ID!
    name: String!
    signedOn: String
    fromDate: Date
    untilDate: Date
    parties: [Nation!]! @relationship(type: "PARTY_TO", direction: IN, properties: "Party")
    provisions: [Provision!]! @relationship(type: "HAS_PROVISION", direction: OUT)
  }
  type Provision @node {
    id: ID!
    obligation: String!
  }
  type Party @relationshipProperties {
    inForceFrom: String
    leftOn: String
    fromDate: Date
    untilDate: Date
  }
`;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serveCypher(driver: Driver): Promise<Server> {
  const statements = benchCypher();
  return createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    const statement = statements.get(name);
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
      if (!statement || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      // One auto-commit READ transaction, as the API's Graph.readText runs a query.
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      session
        .run(statement, JSON.parse(body || '{}') as Record<string, unknown>)
        .then((result) => result.records.map((r) => r.toObject()))
        .then((rows) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: rows }, (_, v) => (v instanceof neo4j.types.Date ? v.toString() : v)));
        })
        .catch((error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })))
        .finally(() => void session.close());
    });
  });
}

async function serveNeo4jGraphql(driver: Driver): Promise<Server> {
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const { createYoga } = await import('graphql-yoga');
  const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPE_DEFS, driver }).getSchema();
  const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, maskedErrors: false });
  return createServer(yoga);
}

async function serve(kind: ServerKind): Promise<void> {
  const uri = process.env.NEO4J_URI!;
  const auth = neo4j.auth.basic(process.env.NEO4J_USER!, process.env.NEO4J_PASSWORD!);
  let url: string;
  let stop: () => Promise<void>;
  // Both GraphQL servers as they run in production (graphql-js without its development checks), as
  // `npm start` runs Entente's; graphql is first imported below.
  await import('../src/cli/production.ts');
  if (kind === 'entente') {
    const { Graph } = await import('../src/graph/graph.ts');
    const { startServer } = await import('../src/api/server.ts');
    const { loadLimits } = await import('../src/config.ts');
    const graph = new Graph({ uri, user: process.env.NEO4J_USER!, password: process.env.NEO4J_PASSWORD! });
    const server = await startServer({ graph, port: 0, host: '127.0.0.1', webDir: '/nonexistent', limits: loadLimits(process.env) });
    url = server.url;
    stop = async () => {
      await server.close();
      await graph.close();
    };
  } else {
    // Without Neo4j's notifications, as Entente's Graph runs: none of the servers reads them, and a warning
    // (an unknown property in a synthetic world) would otherwise cost the others a decode on every request.
    const driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true, notificationFilter: { minimumSeverityLevel: 'OFF' } });
    const server = kind === 'cypher' ? await serveCypher(driver) : await serveNeo4jGraphql(driver);
    url = await listen(server);
    stop = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    };
  }
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  const end = () => void stop().then(() => process.exit(0));
  process.once('SIGTERM', end);
  process.once('SIGINT', end);
}

if (process.argv[1] === import.meta.filename) {
  const kind = process.argv[2] as ServerKind;
  if (!SERVER_KINDS.includes(kind)) throw new Error(`name a server: ${SERVER_KINDS.join(', ')}`);
  await serve(kind);
}
