/**
 * `npm run import -- <data set> ...`: imports a research data set beside the seeds.
 *
 *   atop --dir PATH        ATOP 5.1 (atop5_1a.csv, atop5_1m.csv) with the COW states it names; the state list
 *                          and the crosswalk are read from ../cow-states and ../countrycode beside PATH unless
 *                          --states FILE and --crosswalk FILE say otherwise
 *   leaders --file PATH    leaders_history.csv (Wikidata heads of state and government); import atop first,
 *                          so that the nations the tenures name are in the graph. Wikidata's current holders
 *                          are read from leaders_current.csv beside PATH unless --current FILE says otherwise:
 *                          a tenure with no end that they lack is over on an unknown date
 *
 *   --strict               write nothing when any row is malformed (exit code 1); by default such rows are
 *                          skipped and listed
 *   --dry-run              report what would change, write nothing
 *   --batch-size N         rows per statement (default 1000)
 *   --verbose              list every notice, not one example of each kind
 *
 * Every import is idempotent: run again, it changes only what changed in the files.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EntenteError } from '../errors.ts';
import { terminalProgress } from '../import/engine/progress.ts';
import { formatSummary, type ImportSummary } from '../import/engine/summary.ts';
import type { Graph } from '../graph/graph.ts';
import { runCli } from './run.ts';

const USAGE = 'Usage: npm run import -- atop --dir PATH [--states FILE] [--crosswalk FILE] [--strict] [--dry-run]\n' +
  '       npm run import -- leaders --file PATH [--current FILE] [--strict] [--dry-run]';

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      file: { type: 'string' },
      current: { type: 'string' },
      states: { type: 'string' },
      crosswalk: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [dataSet, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!dataSet || extra.length > 0 || !['atop', 'leaders'].includes(dataSet)) {
    throw new EntenteError('IMPORT_USAGE', `Name one data set to import, atop or leaders.\n${USAGE}`);
  }
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    throw new EntenteError('IMPORT_USAGE', `--batch-size must be a whole number above 0, not "${values['batch-size']}".`);
  }
  const common = { strict: values.strict, dryRun: values['dry-run'], batchSize, progress: terminalProgress() };

  let run: (graph: Graph) => Promise<ImportSummary>;
  if (dataSet === 'atop') {
    if (!values.dir) throw new EntenteError('IMPORT_USAGE', `Pass the ATOP 5.1 folder with --dir (for example --dir ../shared/data/atop-5.1).\n${USAGE}`);
    const { importAtop } = await import('../import/atop/index.ts');
    const options = {
      ...common,
      dir: resolve(values.dir),
      statesFile: values.states && resolve(values.states),
      crosswalkFile: values.crosswalk && resolve(values.crosswalk),
    };
    run = (graph) => importAtop(graph, options);
  } else {
    if (!values.file) throw new EntenteError('IMPORT_USAGE', `Pass leaders_history.csv with --file (for example --file ../shared/data/leaders/leaders_history.csv).\n${USAGE}`);
    const { importLeaders } = await import('../import/leaders/index.ts');
    const options = { ...common, file: resolve(values.file), ...(values.current ? { current: resolve(values.current) } : {}) };
    run = (graph) => importLeaders(graph, options);
  }

  const { openDatabase } = await import('./database.ts');
  return openDatabase(async (graph) => {
    const summary = await run(graph);
    console.log(formatSummary(summary, { verbose: values.verbose }));
    return summary.written ? 0 : 1;
  });
});
