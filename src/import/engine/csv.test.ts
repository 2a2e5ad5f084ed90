import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';
import { IssueLog } from './issues.ts';

const dir = mkdtempSync(join(tmpdir(), 'entente-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readCsv', () => {
  it('numbers rows by the line they start on, a quoted field spanning lines included', () => {
    const path = file('a.csv', 'id,name\n1,"two\nlines"\n2,plain\n');
    const table = readCsv(path, ['id'], new IssueLog());
    expect(table.rows.map((r) => [r.line, r.values.id, r.values.name])).toEqual([[2, '1', 'two\nlines'], [4, '2', 'plain']]);
  });

  it('reports a row with the wrong number of fields and goes on', () => {
    const issues = new IssueLog();
    const table = readCsv(file('b.csv', 'id,name\n1,a\n2\n3,c\n'), ['id'], issues);
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(issues.errors.map((i) => `${i.row}: ${i.column}: ${i.message}`)).toEqual(['3: row: has 1 fields where the header has 2']);
  });

  it('stops on a missing column or file, saying which', () => {
    expect(() => readCsv(file('c.csv', 'id\n1\n'), ['id', 'member'], new IssueLog())).toThrow(/the header lacks "member"/);
    expect(() => readCsv(join(dir, 'none.csv'), ['id'], new IssueLog(), 'pass --dir')).toThrow(/Cannot read .*none\.csv: pass --dir/);
  });
});
