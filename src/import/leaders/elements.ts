/**
 * Leaders and their tenures as rows to write. A leader is found by QID: one the seeds hold keeps its id and
 * every property and only gains tenures; any other is `wd-<qid>`. A tenure is written only when its nation is
 * in the graph (the COW states, imported with ATOP, and the seeds' nations); the others are counted and named.
 */
import { endBound, startBound } from '../../model/periods.ts';
import type { ElementSet } from '../engine/apply.ts';
import { contentHash } from '../engine/hash.ts';
import type { IssueLog } from '../engine/issues.ts';
import type { Existing, ImportRow } from '../engine/plan.ts';
import { WIKIDATA_LEADERS_SOURCE } from '../sources.ts';
import type { Tenure } from './dedupe.ts';
import { namesByQid, type SpellRow } from './read.ts';

export const NATIONS_LOOKUP = 'nations';

export function leaderSets(file: string, spells: readonly SpellRow[], tenures: readonly Tenure[], issues: IssueLog): ElementSet[] {
  const names = namesByQid(spells);

  const heldNations = (held: ReadonlyMap<string, readonly Existing[]>) => new Set((held.get(`lookup:${NATIONS_LOOKUP}`) ?? []).map((e) => e.key));

  const leaderRows = (held: ReadonlyMap<string, readonly Existing[]>): ImportRow[] => {
    const seeded = new Set((held.get('leaders') ?? []).filter((e) => e.seeded).map((e) => e.key));
    const nations = heldNations(held);
    const wanted = new Set(tenures.filter((t) => nations.has(t.nation)).map((t) => t.qid));
    return [...wanted].map((qid) => {
      const props = { name: names.get(qid)!, wikidataId: qid };
      return { key: qid, hash: seeded.has(qid) ? 'seeded' : contentHash(props), props, ref: { id: `wd-${qid.toLowerCase()}` } };
    });
  };

  const tenureRows = (held: ReadonlyMap<string, readonly Existing[]>): ImportRow[] => {
    const nations = heldNations(held);
    issues.forget('nation-not-in-graph');
    const missing = new Map<string, number[]>();
    const ordinal = new Map<string, number>();
    const rows: ImportRow[] = [];
    const sorted = [...tenures].sort((a, b) => a.lines[0]! - b.lines[0]!);
    for (const t of sorted) {
      if (!nations.has(t.nation)) {
        missing.set(t.nation, [...(missing.get(t.nation) ?? []), t.lines[0]!]);
        continue;
      }
      const base = `${t.qid}/${t.office === 'head of state' ? 'hos' : 'hog'}/${t.nation}`;
      const n = (ordinal.get(base) ?? 0) + 1;
      ordinal.set(base, n);
      const props = {
        office: t.office,
        from: t.from ?? null,
        to: t.to ?? null,
        fromDate: startBound(t.from),
        // Wikidata's end day is the first day out of office.
        untilDate: endBound(t.to, 'exclusive'),
        endUnknown: t.endUnknown ? true : null,
        party: t.party ?? null,
        endCause: t.endCause ?? null,
        mergedSpells: t.lines.length,
        sources: [WIKIDATA_LEADERS_SOURCE.id],
      };
      const ref = { qid: t.qid, nation: t.nation };
      rows.push({ key: `${base}/${n}`, hash: contentHash({ ...props, ...ref }), props, ref });
    }
    issues.forget('no-nations');
    if (nations.size === 0 && tenures.length > 0) {
      issues.notice('no-nations', file, 1, 'iso3',
        'the graph holds none of the nations the file names: import the COW states first (npm run import -- atop --dir PATH), then run this again');
    }
    for (const [nation, lines] of missing) {
      issues.notice('nation-not-in-graph', file, lines[0]!, 'iso3',
        `${nation} is not a nation in the graph (not a COW state, nor seeded): ${lines.length} tenure${lines.length === 1 ? '' : 's'} left out`);
    }
    return rows;
  };

  return [
    {
      kind: 'leaders',
      existing: 'import/existing-leaders',
      upsert: 'import/upsert-leaders',
      remove: 'import/remove-leaders',
      rows: leaderRows,
      params: { qids: [...names.keys()] },
    },
    {
      kind: 'tenures',
      existing: 'import/existing-tenures',
      upsert: 'import/upsert-tenures',
      remove: 'import/remove-tenures',
      rows: tenureRows,
    },
  ];
}

export function nationLookup(tenures: readonly Tenure[]) {
  return { [NATIONS_LOOKUP]: { statement: 'import/lookup-nations', params: { codes: [...new Set(tenures.map((t) => t.nation))] } } };
}
