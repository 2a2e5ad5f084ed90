/**
 * `npm run import -- atop --dir PATH`: ATOP 5.1 alliances, their members and obligations, with the COW
 * states they name (the state list and the crosswalk are read from the folders beside the ATOP folder unless
 * given).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../../errors.ts';
import { shownPath } from '../engine/issues.ts';
import type { Graph } from '../../graph/graph.ts';
import { runImport, type ImportOptions } from '../engine/run.ts';
import type { ImportSummary } from '../engine/summary.ts';
import { ATOP_SOURCE, COW_STATES_SOURCE, sourceSet } from '../sources.ts';
import { nationSets, seededCowCodeLookup } from '../states/elements.ts';
import { readStates } from '../states/read.ts';
import { atopSets } from './elements.ts';
import { ALLIANCE_FILE, MEMBER_FILE, readAtop } from './read.ts';

export interface AtopImportOptions extends ImportOptions {
  /** The ATOP 5.1 folder (atop5_1a.csv, atop5_1m.csv). */
  dir: string;
  /** states2016.csv; default `<dir>/../cow-states/states2016.csv`. */
  statesFile?: string;
  /** The countrycode crosswalk; default `<dir>/../countrycode/codelist_without_cldr.csv`. */
  crosswalkFile?: string;
}

export function defaultStatesFile(dir: string): string {
  return join(dir, '..', 'cow-states', 'states2016.csv');
}

export function defaultCrosswalkFile(dir: string): string {
  return join(dir, '..', 'countrycode', 'codelist_without_cldr.csv');
}

export function importAtop(graph: Graph, options: AtopImportOptions): Promise<ImportSummary> {
  return runImport(
    graph,
    {
      title: 'ATOP 5.1',
      label: 'atop',
      read(issues) {
        const missing = [ALLIANCE_FILE, MEMBER_FILE].filter((f) => !existsSync(join(options.dir, f)));
        if (missing.length > 0) {
          throw new EntenteError('IMPORT_FILE_MISSING', `${shownPath(options.dir)} holds no ${missing.join(' or ')}: pass the ATOP 5.1 folder with --dir.`, { dir: options.dir });
        }
        const statesFile = options.statesFile ?? defaultStatesFile(options.dir);
        const states = readStates(statesFile, options.crosswalkFile ?? defaultCrosswalkFile(options.dir), issues);
        const data = readAtop(options.dir, states.byCcode, issues);
        return {
          sets: [sourceSet([ATOP_SOURCE, COW_STATES_SOURCE]), ...nationSets(states.byCcode.values(), { issues, statesFile }), ...atopSets(data)],
          read: `${data.allianceRows} alliances, ${data.memberRows} member rows, ${states.rows} state spells`,
          before: ['import/join-seeded-atop-treaties'],
          lookups: seededCowCodeLookup(states.byCcode.values()),
        };
      },
    },
    options,
  );
}
