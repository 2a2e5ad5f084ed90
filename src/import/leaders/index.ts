/**
 * `npm run import -- leaders --file PATH [--current FILE]`: heads of state and government from Wikidata,
 * deduplicated, checked against Wikidata's list of current holders, joined to the seeded leaders by QID and to
 * the graph's nations by ISO code.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Graph } from '../../graph/graph.ts';
import { runImport, type ImportOptions } from '../engine/run.ts';
import type { ImportSummary } from '../engine/summary.ts';
import { WIKIDATA_LEADERS_SOURCE, sourceSet } from '../sources.ts';
import { markEnded, readCurrentHolders } from './current.ts';
import { dedupeSpells } from './dedupe.ts';
import { leaderSets, nationLookup } from './elements.ts';
import { namesByQid, readLeaderSpells } from './read.ts';

export interface LeadersImportOptions extends ImportOptions {
  /** leaders_history.csv */
  file: string;
  /**
   * leaders_current.csv, Wikidata's current office holders: a tenure with no end that it lacks is over
   * (current.ts). By default the file of that name beside `file`; without one, every open end is taken as
   * still in office, with a notice.
   */
  current?: string;
}

const CURRENT_FILE = 'leaders_current.csv';

export function importLeaders(graph: Graph, options: LeadersImportOptions): Promise<ImportSummary> {
  return runImport(
    graph,
    {
      title: 'Wikidata leaders',
      label: 'leaders',
      read(issues) {
        const { spells, rows } = readLeaderSpells(options.file, issues);
        const merged = dedupeSpells(options.file, spells, issues);
        const currentFile = options.current ?? join(dirname(options.file), CURRENT_FILE);
        let tenures = merged;
        if (options.current || existsSync(currentFile)) {
          tenures = markEnded(options.file, currentFile, merged, readCurrentHolders(currentFile, issues), namesByQid(spells), issues);
        } else {
          issues.notice('no-current-list', options.file, 1, 'end',
            `no ${CURRENT_FILE} beside it (or --current FILE): every tenure without an end is taken as still in office`);
        }
        const ended = tenures.filter((t) => t.endUnknown).length;
        return {
          sets: [sourceSet([WIKIDATA_LEADERS_SOURCE]), ...leaderSets(options.file, spells, tenures, issues)],
          read: `${rows} rows, ${spells.length} spells, ${tenures.length} tenures after merging duplicates` +
            (ended > 0 ? `, ${ended} of them over on an unknown date` : ''),
          before: ['import/join-seeded-leaders'],
          lookups: nationLookup(tenures),
        };
      },
    },
    options,
  );
}
