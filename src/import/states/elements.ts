/**
 * The nations and state-system periods that the COW state list gives, as rows to write. A nation the seeds
 * own (`:Seeded`) is joined, not rewritten: it only gains its COW code if it lacks one, and keeps the periods
 * the seeds list for it.
 */
import { aliasText } from '../../model/names.ts';
import { startBound, endBound } from '../../model/periods.ts';
import type { ElementSet } from '../engine/apply.ts';
import type { IssueLog } from '../engine/issues.ts';
import { contentHash } from '../engine/hash.ts';
import type { Existing, ImportRow } from '../engine/plan.ts';
import { COW_STATES_SOURCE } from '../sources.ts';
import type { State } from './read.ts';

/** The hash a seed-owned nation has once it carries a COW code; see existing-nations.cypher. */
export const SEEDED_NATION = 'seeded';

/** Reads the COW codes seeded nations carry (see `nationSets`' `issues`). */
export function seededCowCodeLookup(states: Iterable<State>) {
  return { 'seeded-cow-codes': { statement: 'import/lookup-seeded-cow-codes', params: { codes: [...states].map((s) => s.code) } } };
}

/**
 * With `issues` and the lookup above, a seeded nation whose own COW code differs from the state the COW list
 * gives that code is reported: the seeds' value is kept, so the counts by COW code would not be ATOP's.
 */
export function nationSets(states: Iterable<State>, report?: { issues: IssueLog; statesFile: string }): ElementSet[] {
  const list = [...states];
  const seededCodes = (held: ReadonlyMap<string, readonly Existing[]>) =>
    new Set((held.get('nations') ?? []).filter((e) => e.seeded).map((e) => e.key));

  const nationRows = (held: ReadonlyMap<string, readonly Existing[]>): ImportRow[] => {
    const seeded = seededCodes(held);
    if (report) {
      report.issues.forget('seeded-cow-code-differs');
      const seededCow = new Map((held.get('lookup:seeded-cow-codes') ?? []).map((e) => e.key.split('=') as [string, string]));
      for (const s of list) {
        const theirs = seededCow.get(s.code);
        if (theirs !== undefined && Number(theirs) !== s.ccode) {
          report.issues.notice('seeded-cow-code-differs', report.statesFile, s.line, 'ccode',
            `the seeds give ${s.code} COW code ${theirs}, the COW list gives ${s.code} to COW ${s.ccode} (${s.cowName}); the seeds' value is kept`);
        }
      }
    }
    return list.map((s) => {
      // The name filter and search find a state by its other names too (read.ts).
      const props = {
        code: s.code, name: s.name, aliases: s.aliases, aliasText: aliasText(s.aliases),
        cowCode: s.ccode, cowAbbreviation: s.abbreviation, cowName: s.cowName, region: s.region,
      };
      return { key: s.code, hash: seeded.has(s.code) ? SEEDED_NATION : contentHash(props), props };
    });
  };

  const periodRows = (held: ReadonlyMap<string, readonly Existing[]>): ImportRow[] => {
    const seeded = seededCodes(held);
    return list
      .filter((s) => !seeded.has(s.code))
      .flatMap((s) =>
        s.spells.map((spell, i) => {
          const props = {
            id: `${s.code}/cow/${i + 1}`,
            from: spell.from,
            to: spell.to,
            // COW's end day is the state's last day in the system.
            fromDate: startBound(spell.from),
            untilDate: endBound(spell.to, 'inclusive'),
            sources: [COW_STATES_SOURCE.id],
          };
          return { key: props.id, hash: contentHash({ ...props, nation: s.code }), props, ref: { nation: s.code } };
        }),
      );
  };

  return [
    {
      kind: 'nations',
      existing: 'import/existing-nations',
      upsert: 'import/upsert-nations',
      remove: 'import/remove-nations',
      rows: nationRows,
      params: { codes: list.map((s) => s.code) },
    },
    {
      kind: 'nation periods',
      existing: 'import/existing-periods',
      upsert: 'import/upsert-periods',
      remove: 'import/remove-periods',
      rows: periodRows,
    },
  ];
}
