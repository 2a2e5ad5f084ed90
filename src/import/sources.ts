/**
 * The sources the importers cite. Each is MERGEd on its id; one the seeds already define (cow-states-2016,
 * wikidata-leaders) is left exactly as the seeds wrote it.
 */
import type { ElementSet } from './engine/apply.ts';
import { contentHash } from './engine/hash.ts';
import type { ImportRow } from './engine/plan.ts';

export interface SourceProps {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly url: string;
  readonly origin: string;
}

export const ATOP_SOURCE: SourceProps = {
  id: 'atop-5-1',
  title: 'ATOP 5.1',
  publisher: 'Alliance Treaty Obligations and Provisions project (Leeds, Ritter, Mitchell & Long 2002)',
  url: 'http://www.atopdata.org/',
  origin: 'atop',
};

export const COW_STATES_SOURCE: SourceProps = {
  id: 'cow-states-2016',
  title: 'State System Membership List, v2016',
  publisher: 'Correlates of War Project',
  url: 'https://correlatesofwar.org/data-sets/state-system-membership/',
  origin: 'cow',
};

export const WIKIDATA_LEADERS_SOURCE: SourceProps = {
  id: 'wikidata-leaders',
  title: 'Heads of state and government with their Wikidata ids and terms (leaders_history.csv extract)',
  publisher: 'Wikidata',
  url: 'https://www.wikidata.org/',
  origin: 'wikidata',
};

export function sourceSet(sources: readonly SourceProps[]): ElementSet {
  const rows = (held: ReadonlyMap<string, readonly { key: string; seeded?: boolean }[]>): ImportRow[] => {
    const seeded = new Set((held.get('sources') ?? []).filter((e) => e.seeded).map((e) => e.key));
    return sources.map((s) => ({ key: s.id, hash: seeded.has(s.id) ? 'seeded' : contentHash(s), props: { ...s } }));
  };
  return {
    kind: 'sources',
    existing: 'import/existing-sources',
    upsert: 'import/upsert-sources',
    remove: 'import/remove-nothing',
    rows,
    params: { ids: sources.map((s) => s.id) },
  };
}
