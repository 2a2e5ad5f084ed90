/**
 * Where the tests find the real data sets: ../shared/data beside the repository (CI has it). Test files use
 * `describe.skipIf(!DATA.present)` with `DATA.skipReason`, so a machine without the data says why it skips.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export const DATA = {
  root: ROOT,
  atopDir: join(ROOT, 'atop-5.1'),
  statesFile: join(ROOT, 'cow-states', 'states2016.csv'),
  crosswalkFile: join(ROOT, 'countrycode', 'codelist_without_cldr.csv'),
  leadersFile: join(ROOT, 'leaders', 'leaders_history.csv'),
  present: ['atop-5.1/atop5_1a.csv', 'atop-5.1/atop5_1m.csv', 'cow-states/states2016.csv', 'countrycode/codelist_without_cldr.csv', 'leaders/leaders_history.csv']
    .every((f) => existsSync(join(ROOT, f))),
  skipReason: `the research data sets are not at ${ROOT} (CI has them; copy them there to run these tests)`,
};

/** The rows of a CSV file as objects, read here independently of the importer's reader. */
export function csvObjects(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
}

/** A throwaway copy of the ATOP folder, for edited versions of its files. */
export function copyAtop(): { dir: string; edit(file: string, line: number, change: (fields: string[], header: string[]) => void): void; removeLine(file: string, line: number): void; done(): void } {
  const dir = join(mkdtempSync(join(tmpdir(), 'entente-atop-')), 'atop-5.1');
  cpSync(DATA.atopDir, dir, { recursive: true });
  const lines = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n');
  return {
    dir,
    edit(file, line, change) {
      const all = lines(file);
      const header = all[0]!.split(',');
      const fields = all[line - 1]!.split(',');
      change(fields, header);
      all[line - 1] = fields.join(',');
      writeFileSync(join(dir, file), all.join('\n'));
    },
    removeLine(file, line) {
      const all = lines(file);
      all.splice(line - 1, 1);
      writeFileSync(join(dir, file), all.join('\n'));
    },
    done() {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

/** Sets one column of a CSV row given as fields. */
export function setField(fields: string[], header: readonly string[], column: string, value: string): void {
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  fields[index] = value;
}
