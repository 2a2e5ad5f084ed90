/**
 * Neo4j warns about a statement that uses syntax a later version removes, and about one that names a label
 * or relationship type the graph does not have (a misspelling). Every statement Entente sends, the seed
 * loader's, the importers' and the API's, must draw none of those warnings. Unknown properties are not
 * counted: an optional field that no record has yet (an aspirant's `since`, a first import's hash) is one.
 *
 * The API asks Neo4j to send no notifications at all (src/graph/graph.ts); this file listens to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from 'neo4j-driver';
import { Graph } from '../../src/graph/graph.ts';
import { importAtop } from '../../src/import/atop/index.ts';
import { importLeaders } from '../../src/import/leaders/index.ts';
import { LEADER_QUERY, NATION_QUERY, ORGANIZATION_QUERY, PATH_QUERY, SEARCH_QUERY, TREATY_QUERY } from '../../web/src/queries.ts';
import { ANALYST_QUERY } from '../hardening/analyst-query.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { seedTestDatabase, testGraph, testGraphOptions } from '../support/graph.ts';
import { DATA } from '../import/data.ts';

const DEPRECATED = ['Neo.ClientNotification.Statement.FeatureDeprecationWarning'];
const COUNTED = [
  ...DEPRECATED,
  'Neo.ClientNotification.Statement.UnknownLabelWarning',
  'Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning',
];

const heard: { statement: string; notification: Notification }[] = [];
const graph = new Graph({ ...testGraphOptions(), onNotifications: (statement, notifications) => heard.push(...notifications.map((notification) => ({ statement, notification }))) });
const gql = apiClient(graph);

/** The counted warnings heard while `work` ran, each with the start of its statement, to read in a failure. */
async function warningsDuring(work: () => Promise<unknown>, codes = COUNTED): Promise<string[]> {
  const from = heard.length;
  await work();
  return heard
    .slice(from)
    .filter((h) => codes.includes(h.notification.code))
    .map((h) => `${h.notification.description} in: ${h.statement.slice(0, 160).replace(/\s+/g, ' ')}`);
}

afterAll(() => graph.close());

describe('Neo4j has nothing to warn about', () => {
  it('hears warnings when asked to (the listener works at all)', async () => {
    expect(await warningsDuring(() => graph.readText('MATCH (n:NoSuchLabelAnywhere) CALL { WITH n RETURN 1 AS one } RETURN one'))).toEqual([
      expect.stringContaining('deprecated'),
      expect.stringContaining('NoSuchLabelAnywhere'),
    ]);
  });

  it('sends none to a Graph without a listener, as the API runs', async () => {
    const quiet = testGraph();
    const session = quiet.driver.session({ database: quiet.database });
    try {
      const result = await session.run('MATCH (n:NoSuchLabelAnywhere) CALL { WITH n RETURN 1 AS one } RETURN one');
      expect(result.summary.notifications).toEqual([]);
    } finally {
      await session.close();
      await quiet.close();
    }
  });

  it('in the schema and the seed loader, loading into an empty graph', async () => {
    // An empty graph has none of the labels the loader reads to compare: deprecations only.
    expect(await warningsDuring(() => seedTestDatabase(graph), DEPRECATED)).toEqual([]);
  });

  describe.skipIf(!DATA.present)('with the research data imported beside the seeds', () => {
    const importBoth = async () => {
      await importAtop(graph, { dir: DATA.atopDir, statesFile: DATA.statesFile, crosswalkFile: DATA.crosswalkFile });
      await importLeaders(graph, { file: DATA.leadersFile });
    };

    beforeAll(async () => {
      expect(await warningsDuring(importBoth, DEPRECATED)).toEqual([]);
    }, 180_000);

    it('in the importers, importing again over the graph they wrote', async () => {
      expect(await warningsDuring(importBoth)).toEqual([]);
    }, 180_000);

    it('in every question the dashboard asks', async () => {
      expect(
        await warningsDuring(async () => {
          await dataOf(gql(NATION_QUERY, { code: 'PRK' }));
          await dataOf(gql(NATION_QUERY, { code: 'USA', asOf: '1961-07-01' }));
          await dataOf(gql(TREATY_QUERY, { id: 'russia-dprk-2024' }));
          await dataOf(gql(LEADER_QUERY, { id: 'kim-jong-un' }));
          await dataOf(gql(SEARCH_QUERY, { text: 'korea' }));
          await dataOf(gql(PATH_QUERY, { from: 'SWE', to: 'JPN' }));
          await dataOf(gql(ORGANIZATION_QUERY, { id: 'nato' }));
        }),
      ).toEqual([]);
    });

    it('in an analyst query over every root field, in every way of listing treaties, and in every field of a nation', async () => {
      const list = 'totalCount pageInfo { hasNextPage endCursor } edges { node { id name signedOn } }';
      const orders = ['', 'orderBy: { field: SIGNED_ON, direction: DESC }', 'orderBy: { field: NAME }', 'orderBy: { field: ENTERED_INTO_FORCE_ON }'];
      const filters = ['', 'filter: { party: "USA", source: "ATOP 5.1", inForceDuring: { from: "1990-01-01", to: "1990-12-31" } }', 'filter: { obligation: DEFENSE, inForceOn: "1961-07-01" }'];
      expect(
        await warningsDuring(async () => {
          await dataOf(gql(ANALYST_QUERY));
          for (const order of orders) for (const filter of filters) await dataOf(gql(`{ treaties(first: 5, ${order} ${filter}) { ${list} } }`));
          await dataOf(gql(`{ nations(first: 5, filter: { region: "East Asia & Pacific" }) { totalCount edges { node {
            code name cowCode aliases periods { from to } historicalNames { name from to }
            parties { treaty { id } signedOn ratifiedOn inForceFrom leftOn note sources { id } }
            treaties(asOf: "1961-07-01", obligation: DEFENSE) { id } allies { nation { code } } defenders { nation { code } }
            tenures { office from to acting leader { id wikidataId } sources { id } } organizations { from to note }
          } } } }`));
        }),
      ).toEqual([]);
    });
  });
});
