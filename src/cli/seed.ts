/**
 * `npm run seed`: checks the seed files and loads them into the graph.
 *   --check               check only (no database): every problem of every file, then exit 1 if any
 *   --dry-run             report what a load would change, without writing
 *   --dir DIR             the seeds folder (default: seeds/)
 *   --write-json-schema   regenerate the JSON Schemas published for editors (seeds/schema/)
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkSeeds } from '../seeds/check.ts';
import { formatProblem } from '../seeds/load.ts';
import { writeJsonSchemas } from '../seeds/json-schema.ts';
import { SEEDS_DIR } from '../seeds/paths.ts';
import { runCli } from './run.ts';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      dir: { type: 'string', default: SEEDS_DIR },
      'write-json-schema': { type: 'boolean', default: false },
    },
  });
  const dir = resolve(values.dir);
  if (values['write-json-schema']) {
    for (const file of writeJsonSchemas(dir)) console.log(`wrote ${file}`);
    return 0;
  }
  if (values.check) {
    const { problems, fileCount } = checkSeeds(dir);
    for (const p of problems) console.log(formatProblem(p));
    if (problems.length > 0) {
      console.log(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.file)).size} of ${fileCount} files.`);
      return 1;
    }
    console.log(`All ${fileCount} seed files are valid.`);
    return 0;
  }
  const { openDatabase } = await import('./database.ts');
  const { loadSeeds, formatReport } = await import('../seeds/load.ts');
  return openDatabase(async (graph) => {
    const report = await loadSeeds(graph, { dir, dryRun: values['dry-run'] });
    console.log(formatReport(report) + (values['dry-run'] ? '\n(dry run: nothing was written)' : ''));
    return 0;
  });
});
