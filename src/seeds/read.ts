/**
 * Reads the seed files: YAML → values checked against their kind's schema, with a line for every path so
 * that each problem can be reported as `file:line: path: message`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, type Node as YamlNode, type Document } from 'yaml';
import type { z } from 'zod';
import { closest } from './suggest.ts';
import { SEED_KINDS, type SeedKind } from './schema.ts';

export interface SeedProblem {
  file: string;
  line: number;
  path: string;
  message: string;
  code: string;
}

export type Path = readonly (string | number)[];

/** One parsed seed file: its values and a way to find the line of any path inside it. */
export interface SeedFile<T = unknown> {
  kind: SeedKind;
  file: string;
  value: T;
  lineOf(path: Path): number;
}

/** The entries of a list file that passed their schema, with their index in the file. */
export function entriesOf<T>(file: SeedFile): [T, number][] {
  return (file.value as (T | null)[]).flatMap((value, index) => (value === null ? [] : [[value, index] as [T, number]]));
}

/** The dotted form used in messages: `parties[1].nation`. */
export function formatPath(path: Path): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${part}` : part;
  }, '');
}

function locator(doc: Document, lineCounter: LineCounter): (path: Path) => number {
  return (path) => {
    // The deepest node that exists on the path: a missing field is reported on its parent's line.
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true) as YamlNode | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        // For a scalar value, prefer its key's line (the same line in block style).
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return 1;
  };
}

/** Lists the seed files of a seeds folder as `[kind, absolute path]`, treaties in name order. */
export function listSeedFiles(dir: string): [SeedKind, string][] {
  const files: [SeedKind, string][] = [];
  for (const [kind, spec] of Object.entries(SEED_KINDS) as [SeedKind, (typeof SEED_KINDS)[SeedKind]][]) {
    if (kind === 'treaty') continue;
    const path = join(dir, spec.file);
    if (existsSync(path)) files.push([kind, path]);
  }
  const treatyDir = join(dir, 'treaties');
  if (existsSync(treatyDir)) {
    for (const name of readdirSync(treatyDir).sort()) {
      if (name.endsWith('.yaml') || name.endsWith('.yml')) files.push(['treaty', join(treatyDir, name)]);
    }
  }
  return files;
}

function knownKeys(schema: z.ZodType, path: Path): string[] {
  // Walks the zod schema along the path to the object whose keys a typo was meant to match.
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let x = s as { def?: { type?: string; innerType?: unknown; element?: unknown; in?: unknown; options?: unknown[] } };
    for (let i = 0; i < 10 && x?.def; i += 1) {
      const def = x.def;
      if (def.innerType) x = def.innerType as typeof x;
      else if (def.type === 'pipe' && def.in) x = def.in as typeof x;
      else if (def.type === 'union' && def.options) {
        const obj = def.options.find((o) => (o as { def?: { type?: string } }).def?.type === 'object');
        if (!obj) break;
        x = obj as typeof x;
      } else break;
    }
    return x;
  };
  for (const part of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } }).def;
    if (typeof part === 'number' && def?.type === 'array') current = def.element;
    else if (typeof part === 'string' && def?.type === 'object' && def.shape) current = def.shape[part];
    else return [];
  }
  current = unwrap(current);
  const shape = (current as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Turns a zod issue into a sentence a maintainer can act on. */
function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, value: unknown): { path: Path; message: string }[] {
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const keys = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const near = closest(key, keys);
      return {
        path: [...path, key],
        message: `unknown field "${key}"${near ? `; did you mean "${near}"?` : `; allowed fields: ${keys.join(', ')}`}`,
      };
    });
  }
  if (issue.code === 'invalid_type') {
    let actual: unknown = value;
    for (const part of path) actual = (actual as Record<string | number, unknown> | undefined)?.[part];
    if (actual === undefined || actual === null) return [{ path, message: 'is required' }];
    return [{ path, message: `must be a ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${describeValue(actual)}` }];
  }
  if (issue.code === 'invalid_value') {
    return [{ path, message: issue.message }];
  }
  if (issue.code === 'invalid_union') {
    // Report the branch that got furthest, or a plain sentence.
    return [{ path, message: issue.message === 'Invalid input' ? 'has a value of the wrong form' : issue.message }];
  }
  return [{ path, message: issue.message }];
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export interface ReadResult {
  files: SeedFile[];
  problems: SeedProblem[];
  /**
   * Ids declared by entries that failed their schema, by kind. They are reported once, where they fail;
   * references to them are not reported again as unknown.
   */
  declared: Map<SeedKind, Set<string>>;
}

const TYPE_NAMES: Record<string, string> = { array: 'list', object: 'mapping', string: 'text', number: 'number', int: 'whole number', boolean: 'true or false' };

/** Reads and shape-checks every seed file under `dir`; files that fail keep their problems, not their values. */
export function readSeeds(dir: string, cwd: string = process.cwd()): ReadResult {
  const files: SeedFile[] = [];
  const problems: SeedProblem[] = [];
  const declared = new Map<SeedKind, Set<string>>();
  const declare = (kind: SeedKind, raw: unknown) => {
    const id = (raw as { id?: unknown; code?: unknown } | null)?.[kind === 'nations' ? 'code' : 'id'];
    if (typeof id === 'string') declared.set(kind, new Set([...(declared.get(kind) ?? []), id]));
  };
  for (const [kind, path] of listSeedFiles(dir)) {
    const file = relative(cwd, path) || path;
    const text = readFileSync(path, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      // The first syntax error only: the ones after it are usually its echoes.
      const error = doc.errors[0]!;
      const line = lineCounter.linePos(error.pos[0]).line;
      problems.push({ file, line, path: '', message: `not valid YAML: ${error.message.split('\n')[0]}`, code: 'SEED_YAML' });
      continue;
    }
    const lineOf = locator(doc, lineCounter);
    const raw = doc.toJS({ maxAliasCount: 0 }) as unknown;
    const schema = SEED_KINDS[kind].schema as z.ZodType;
    const entry = SEED_KINDS[kind].entry as z.ZodType;
    const report = (issues: z.core.$ZodIssue[], prefix: Path) => {
      for (const issue of issues) {
        const shifted = { ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue;
        for (const { path: p, message } of describeIssue(shifted, schema, raw)) {
          problems.push({ file, line: lineOf(p), path: formatPath(p), message, code: 'SEED_SCHEMA' });
        }
      }
    };
    if (kind === 'treaty' || !Array.isArray(raw)) {
      const parsed = schema.safeParse(raw ?? (kind === 'treaty' ? {} : []));
      if (!parsed.success) {
        report(parsed.error.issues, []);
        declare(kind, raw);
        continue;
      }
      files.push({ kind, file, value: parsed.data, lineOf });
      continue;
    }
    // List files are checked entry by entry, so one bad entry does not hide the others from the checks.
    // A failed entry stays in place as null, so that the others keep their index (and their line).
    const entries = raw.map((item: unknown, index: number) => {
      const parsed = entry.safeParse(item);
      if (parsed.success) return parsed.data as unknown;
      report(parsed.error.issues, [index]);
      declare(kind, item);
      return null;
    });
    files.push({ kind, file, value: entries, lineOf });
  }
  return { files, problems, declared };
}
