/**
 * `npm run import -- leaders --file PATH`: heads of state and government from Wikidata, deduplicated, joined
 * to the seeded leaders by QID and to the graph's nations by ISO code.
 */
import type { Graph } from '../../graph/graph.ts';
import { runImport, type ImportOptions } from '../engine/run.ts';
import type { ImportSummary } from '../engine/summary.ts';
import { WIKIDATA_LEADERS_SOURCE, sourceSet } from '../sources.ts';
import { dedupeSpells } from './dedupe.ts';
import { leaderSets, nationLookup } from './elements.ts';
import { readLeaderSpells } from './read.ts';

export interface LeadersImportOptions extends ImportOptions {
  /** leaders_history.csv */
  file: string;
}

export function importLeaders(graph: Graph, options: LeadersImportOptions): Promise<ImportSummary> {
  return runImport(
    graph,
    {
      title: 'Wikidata leaders',
      label: 'leaders',
      read(issues) {
        const { spells, rows } = readLeaderSpells(options.file, issues);
        const tenures = dedupeSpells(options.file, spells, issues);
        return {
          sets: [sourceSet([WIKIDATA_LEADERS_SOURCE]), ...leaderSets(options.file, spells, tenures, issues)],
          read: `${rows} rows, ${spells.length} spells, ${tenures.length} tenures after merging duplicates`,
          before: ['import/join-seeded-leaders'],
          lookups: nationLookup(tenures),
        };
      },
    },
    options,
  );
}
