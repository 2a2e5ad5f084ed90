/**
 * `npm run export`: the alliance network at a date, as the dashboard draws it, written for Gephi and friends.
 *
 *   --format gexf|graphml|csv|csv-nodes   csv is the edges table; csv-nodes the nations table
 *   --as-of YYYY-MM-DD                    the date (default today)
 *   --out FILE                            where to write (default standard output)
 *   --obligations DEFENSE,OFFENSE,...     only alliances carrying one of these (default all)
 *   --sources all|seeds                   every source, or the seed set only (default all)
 *   --region NAME                         nations of one region only
 *
 * It asks the same GraphQL query as the page, of the server at ENTENTE_URL (default
 * http://127.0.0.1:4000/graphql, which `npm start` serves).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EntenteError } from '../errors.ts';
import { parsePartialDate, today } from '../model/dates.ts';
import { DEFAULT_ENDPOINT, httpGraphQL } from '../export/http.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/index.ts';
import { OBLIGATIONS, type Obligation } from '../export/network.ts';
import { exportNetwork } from '../export/run.ts';
import { runCli } from './run.ts';

const USAGE = 'Usage: npm run export -- --format gexf|graphml|csv|csv-nodes [--as-of YYYY-MM-DD] [--out FILE] ' +
  '[--obligations DEFENSE,...] [--sources all|seeds] [--region NAME]';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      obligations: { type: 'string' },
      sources: { type: 'string', default: 'all' },
      region: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) {
    throw new EntenteError('EXPORT_USAGE', `Name a format with --format: ${EXPORT_FORMATS.join(', ')}.\n${USAGE}`);
  }
  const asOf = values['as-of'] ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !parsePartialDate(asOf)) {
    throw new EntenteError('EXPORT_USAGE', `--as-of takes a full date such as 2024-12-04, not "${asOf}".`);
  }
  const obligations = (values.obligations ?? '').split(',').map((o) => o.trim().toUpperCase()).filter(Boolean);
  const unknown = obligations.filter((o) => !(OBLIGATIONS as readonly string[]).includes(o));
  if (unknown.length > 0) {
    throw new EntenteError('EXPORT_USAGE', `Unknown obligation ${unknown.join(', ')}: use ${OBLIGATIONS.join(', ')}.`);
  }
  if (values.sources !== 'all' && values.sources !== 'seeds') {
    throw new EntenteError('EXPORT_USAGE', `--sources is all or seeds, not "${values.sources}".`);
  }
  const endpoint = process.env.ENTENTE_URL || DEFAULT_ENDPOINT;
  const { text, counts } = await exportNetwork(httpGraphQL(endpoint), {
    asOf,
    obligations: obligations as Obligation[],
    sources: values.sources,
    region: values.region ?? null,
  }, format);
  if (values.out) {
    const file = resolve(values.out);
    await writeFile(file, text);
    console.error(`Wrote ${file}: ${counts.nations} nations, ${counts.alliances} alliances, ${counts.treaties} treaties on ${asOf}.`);
  } else {
    process.stdout.write(text);
  }
  return 0;
});
