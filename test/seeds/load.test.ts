/**
 * The seed loader against a real Neo4j: it mirrors the seed files, reports exactly what changed, changes
 * nothing on a second run, leaves other importers' data alone, and writes all or nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isEntenteError } from '../../src/errors.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { loadSeeds } from '../../src/seeds/load.ts';
import { SEEDS_DIR } from '../../src/seeds/paths.ts';
import { canonicalDump } from '../support/dump.ts';
import { clearDatabase, testGraph } from '../support/graph.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'valid');
const graph = testGraph();
let dir: string;

beforeAll(async () => {
  await applySchema(graph);
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await clearDatabase(graph);
  dir = mkdtempSync(join(tmpdir(), 'entente-load-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return () => rmSync(dir, { recursive: true, force: true });
});

const edit = (file: string, from: string, to: string) => {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  if (!before.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(path, before.replace(from, to));
};

const count = async (cypher: string) => (await graph.readText<{ n: number }>(cypher))[0]!.n;

describe('seed loader', () => {
  it('loads the real seed pack, and a second run changes nothing', async () => {
    const first = await loadSeeds(graph, { dir: SEEDS_DIR });
    expect(first.created).toBeGreaterThan(300);
    expect(first.updated + first.removed).toBe(0);
    const before = await canonicalDump(graph);
    const second = await loadSeeds(graph, { dir: SEEDS_DIR });
    expect(second).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: first.created });
    expect(await canonicalDump(graph)).toEqual(before);
  });

  it('reports what it created, per kind', async () => {
    const report = await loadSeeds(graph, { dir });
    expect(report.kinds.treaties).toEqual({ created: 2, updated: 0, removed: 0, unchanged: 0 });
    expect(report.kinds.parties).toEqual({ created: 4, updated: 0, removed: 0, unchanged: 0 });
    expect(report.kinds.provisions).toEqual({ created: 2, updated: 0, removed: 0, unchanged: 0 });
    expect(await count('MATCH (:Nation)-[r:PARTY_TO]->(:Treaty {id: "fixture-treaty"}) RETURN count(r) AS n')).toBe(2);
  });

  it('updates exactly what changed in a file', async () => {
    await loadSeeds(graph, { dir });
    edit('treaties/fixture-treaty.yaml', 'articleCount: 23', 'articleCount: 24');
    const report = await loadSeeds(graph, { dir });
    expect(report).toMatchObject({ created: 0, updated: 1, removed: 0 });
    expect(report.kinds.treaties!.updated).toBe(1);
    expect(await count('MATCH (t:Treaty {id: "fixture-treaty"}) RETURN t.articleCount AS n')).toBe(24);
  });

  it('removes a field deleted from a file', async () => {
    await loadSeeds(graph, { dir });
    edit('treaties/fixture-treaty.yaml', 'signedAt: Pyongyang\n', '');
    await loadSeeds(graph, { dir });
    const rows = await graph.readText<{ at: string | null }>('MATCH (t:Treaty {id: "fixture-treaty"}) RETURN t.signedAt AS at');
    expect(rows).toEqual([{ at: null }]);
  });

  it('mirrors the files: a party or provision deleted from a file disappears from the graph', async () => {
    await loadSeeds(graph, { dir });
    edit('treaties/fixture-treaty.yaml', '  - article: 3\n    obligation: CONSULTATION\n    summary: Consultations on a threat.\n    sources: [fixture-source]\n', '');
    edit('treaties/fixture-old-treaty.yaml', '  - nation: PRK\n    sources: [fixture-source]\n', '');
    const report = await loadSeeds(graph, { dir });
    expect(report.kinds.provisions!.removed).toBe(1);
    expect(report.kinds.parties!.removed).toBe(1);
    expect(await count('MATCH (:Treaty {id: "fixture-treaty"})-[:HAS_PROVISION]->(p:Provision) RETURN count(p) AS n')).toBe(1);
    expect(await count('MATCH (:Nation {code: "PRK"})-[r:PARTY_TO]->(:Treaty {id: "fixture-old-treaty"}) RETURN count(r) AS n')).toBe(0);
  });

  it('leaves data brought by other importers alone, even on nodes the seeds own', async () => {
    await loadSeeds(graph, { dir });
    await graph.write((tx) =>
      tx.tx.run(`MATCH (n:Nation {code: 'PRK'}), (t:Treaty {id: 'fixture-old-treaty'})
        CREATE (n)-[:PARTY_TO {origin: 'atop', inForceFrom: '2000-02-09'}]->(t)
        CREATE (:Treaty {id: 'atop-9999', origin: 'atop', name: 'An imported alliance'})`),
    );
    // The seeds drop PRK from the old treaty, and the old treaty altogether.
    edit('treaties/fixture-treaty.yaml', '  - treaty: fixture-old-treaty\n    on: 2024-12-04\n    sources: [fixture-source]\n', '');
    edit('treaties/fixture-treaty.yaml', 'supersedes:\n', '');
    rmSync(join(dir, 'treaties', 'fixture-old-treaty.yaml'));
    const report = await loadSeeds(graph, { dir });
    expect(report.kinds.treaties!.removed).toBe(1);
    // The imported membership and treaty stay; the node stays because imported data hangs on it.
    expect(await count("MATCH (:Nation {code: 'PRK'})-[r:PARTY_TO {origin: 'atop'}]->(t:Treaty {id: 'fixture-old-treaty'}) RETURN count(r) AS n")).toBe(1);
    expect(await count("MATCH (t:Treaty {id: 'atop-9999'}) RETURN count(t) AS n")).toBe(1);
    expect(await count("MATCH (:Nation)-[r:PARTY_TO {origin: 'seed'}]->(:Treaty {id: 'fixture-old-treaty'}) RETURN count(r) AS n")).toBe(0);
    expect(await count("MATCH (t:Treaty:Seeded {id: 'fixture-old-treaty'}) RETURN count(t) AS n")).toBe(0);
    // And a later load still changes nothing.
    expect(await loadSeeds(graph, { dir })).toMatchObject({ created: 0, updated: 0, removed: 0 });
  });

  it('writes nothing when a file is invalid', async () => {
    await loadSeeds(graph, { dir });
    const before = await canonicalDump(graph);
    edit('treaties/fixture-treaty.yaml', 'articleCount: 23', 'articleCount: 24');
    edit('treaties/fixture-old-treaty.yaml', '  - nation: PRK', '  - nation: PRJ');
    const error = await loadSeeds(graph, { dir }).catch((e: unknown) => e);
    expect(isEntenteError(error) && error.code).toBe('SEED_INVALID');
    expect((error as Error).message).toContain('treaties/fixture-old-treaty.yaml:12: parties[1].nation: unknown nation "PRJ"; did you mean "PRK"?');
    expect(await canonicalDump(graph)).toEqual(before);
  });

  it('leaves the graph exactly as it was when the database fails mid-load', async () => {
    await loadSeeds(graph, { dir });
    edit('treaties/fixture-treaty.yaml', 'articleCount: 23', 'articleCount: 24');
    edit('nations.yaml', 'name: South Korea', 'name: Republic of Korea');
    // A node that claims the seed key of a provision without being one: the loader's write of that
    // provision breaks the uniqueness constraint, after nations and treaties have been written.
    await graph.write((tx) => tx.tx.run("MATCH (p:Provision {id: 'fixture-treaty/4/DEFENSE'}) DETACH DELETE p CREATE (:Seeded:Impostor {seedKey: 'Provision:fixture-treaty/4/DEFENSE', seedHash: 'x'})"));
    const before = await canonicalDump(graph);
    await expect(loadSeeds(graph, { dir })).rejects.toMatchObject({
      code: 'DATABASE_ERROR',
      details: { neo4jCode: 'Neo.ClientError.Schema.ConstraintValidationFailed' },
    });
    expect(await canonicalDump(graph)).toEqual(before);
  });
});
