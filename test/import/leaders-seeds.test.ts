/**
 * The Wikidata leaders beside the seeds' leaders: Wikidata's record of a spell the seeds hold (the same
 * leader, nation, start and end) is not a second tenure; the seeded tenure carries its role and source.
 * Spells the seeds do not hold stay tenures of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/graph/schema.ts';
import { importAtop } from '../../src/import/atop/index.ts';
import { importLeaders } from '../../src/import/leaders/index.ts';
import { loadSeeds } from '../../src/seeds/load.ts';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';
import { apiClient, dataOf } from '../support/api.ts';
import { clearDatabase, testGraph } from '../support/graph.ts';
import { DATA } from './data.ts';

const graph = testGraph();

describe.skipIf(!DATA.present)(`Wikidata leaders and the seeds${DATA.present ? '' : ` (skipped: ${DATA.skipReason})`}`, () => {
  beforeAll(async () => {
    await clearDatabase(graph);
    await applySchema(graph);
    await loadSeeds(graph, { dir: SEEDS_DIR });
    await importAtop(graph, { dir: DATA.atopDir, statesFile: DATA.statesFile, crosswalkFile: DATA.crosswalkFile });
    await importLeaders(graph, { file: DATA.leadersFile });
  });
  afterAll(async () => {
    await graph.close();
  });

  it("lists Wikidata's record of a seeded spell once, as the seeded tenure with its role, and keeps other spells apart", async () => {
    const gql = apiClient(graph, '2026-11-29');
    const answer = await dataOf(gql<{
      usa: { leaders: { office: string; roles: string[]; leader: { id: string }; sources: { id: string }[] }[]; timeline: { summary: string }[] };
      kim: { tenures: { office: string; from: string; to: string | null; roles: string[] }[] };
      putin: { tenures: { office: string; from: string; roles: string[]; acting: boolean | null }[] };
    }>(`{
      usa: nation(code: "USA") {
        leaders(asOf: "2024-06-13") { office roles leader { id } sources { id } }
        timeline(during: { from: "2021-01-20", to: "2021-01-20" }) { summary }
      }
      kim: leader(id: "kim-il-sung") { tenures { office from to roles } }
      putin: leader(id: "vladimir-putin") { tenures { office from roles acting } }
    }`));
    // Biden once, not also as Wikidata's "head of state" and "head of government" of the same days.
    expect(answer.usa.leaders.filter((t) => t.leader.id === 'joe-biden')).toEqual([
      { office: 'President of the United States', roles: ['HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT'], leader: { id: 'joe-biden' }, sources: [{ id: 'wikidata-leaders' }] },
    ]);
    expect(answer.usa.timeline.map((e) => e.summary).filter((s) => s.startsWith('Joe Biden'))).toEqual(['Joe Biden took office as President of the United States']);
    // Kim Il-sung: Wikidata's head of government is the seeds' Premier (1948-1972); its head of state to 1994
    // is a spell the seeds do not hold, so it stays a tenure of its own.
    expect(answer.kim.tenures).toEqual([
      { office: 'Premier of the Cabinet', from: '1948-09-09', to: '1972-12-28', roles: ['HEAD_OF_GOVERNMENT'] },
      { office: 'head of state', from: '1948-09-09', to: '1994-07-08', roles: ['HEAD_OF_STATE'] },
    ]);
    // Putin's acting presidency has no record of its own in Wikidata: no role. Every other spell has one.
    expect(answer.putin.tenures.map((t) => [t.office, t.from, t.roles])).toEqual([
      ['Chairman of the Government of the Russian Federation', '1999-08-09', ['HEAD_OF_GOVERNMENT']],
      ['President of the Russian Federation', '1999-12-31', []],
      ['President of the Russian Federation', '2000-05-07', ['HEAD_OF_STATE']],
      ['Chairman of the Government of the Russian Federation', '2008-05-08', ['HEAD_OF_GOVERNMENT']],
      ['President of the Russian Federation', '2012-05-07', ['HEAD_OF_STATE']],
    ]);
  });
});
