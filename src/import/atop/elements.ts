/**
 * ATOP alliances as rows to write: one treaty per alliance (joined to a seeded treaty with the same atopId),
 * one provision per obligation coded for the alliance or any member, and one PARTY_TO per member row, so a
 * member with several phase rows keeps each phase's dates and obligations.
 */
import { firstDay, lastDay } from '../../model/dates.ts';
import { earlierEnd, endBound, startBound } from '../../model/periods.ts';
import type { Obligation } from '../../seeds/schema.ts';
import type { ElementSet } from '../engine/apply.ts';
import { contentHash } from '../engine/hash.ts';
import type { ImportRow } from '../engine/plan.ts';
import { ATOP_SOURCE } from '../sources.ts';
import { OBLIGATION_CODINGS, OTHER_CONDITION } from './coding.ts';
import type { Alliance, AtopData, Member } from './read.ts';

const params = { sourceId: ATOP_SOURCE.id };

export function treatyUntil(alliance: Alliance): string | null {
  // ATOP's end date is the alliance's last day.
  return endBound(alliance.end, 'inclusive');
}

/**
 * "ATOP 1005: United Kingdom, France, Austria-Hungary and 3 more": the states in the order the alliance file
 * lists them (mem1, mem2, ...), then any it does not list, so that editing a member row never renames it.
 */
export function allianceName(alliance: Alliance, members: readonly Member[]): string {
  const byCcode = new Map(members.map((m) => [m.state.ccode, m.state]));
  const listed = alliance.listed.filter((c) => byCcode.has(c));
  const unlisted = [...byCcode.keys()].filter((c) => !alliance.listed.includes(c)).sort((a, b) => a - b);
  const names = [...new Set([...listed, ...unlisted].map((c) => byCcode.get(c)!.name))];
  const shown = names.length <= 4 ? names : names.slice(0, 3);
  const rest = names.length - shown.length;
  return `ATOP ${alliance.atopId}: ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

export function treatyRows(data: AtopData, membersOf: ReadonlyMap<number, readonly Member[]>): ImportRow[] {
  return [...data.alliances.values()].map((a) => {
    const props = {
      name: allianceName(a, membersOf.get(a.atopId) ?? []),
      kind: 'alliance',
      atopId: a.atopId,
      cow4Id: a.cow4Id,
      // ATOP codes signature and treats an alliance as in force from it.
      signedOn: a.begin,
      enteredIntoForceOn: a.begin,
      terminatedOn: a.end,
      fromDate: startBound(a.begin),
      untilDate: treatyUntil(a),
      // The days the signature date can stand for, as the seeds store them: the treaty list's order and
      // its signedDuring filter read these.
      signedFromDate: firstDay(a.begin),
      signedToDate: lastDay(a.begin),
      phases: a.maxPhase,
    };
    return { key: String(a.atopId), hash: contentHash(props), props, ref: { id: `atop-${a.atopId}` } };
  });
}

export function provisionRows(data: AtopData, membersOf: ReadonlyMap<number, readonly Member[]>): ImportRow[] {
  const rows: ImportRow[] = [];
  for (const alliance of data.alliances.values()) {
    const members = membersOf.get(alliance.atopId) ?? [];
    const states = new Set(members.map((m) => m.state.ccode));
    for (const coding of OBLIGATION_CODINGS) {
      const bound = members.filter((m) => m.obligations.includes(coding.obligation));
      if (bound.length === 0 && !alliance.obligations.includes(coding.obligation)) continue;
      const boundStates = new Set(bound.map((m) => m.state.ccode));
      const conditional = new Set(bound.filter((m) => (m.conditionVariables.get(coding.obligation) ?? []).length > 0).map((m) => m.state.ccode));
      const variables = new Set(bound.flatMap((m) => m.conditionVariables.get(coding.obligation) ?? []));
      const conditions = coding.conditions.filter((c) => variables.has(c.variable));
      const other = new Set(bound.filter((m) => m.otherCondition).map((m) => m.state.ccode));
      const phases = [...new Set(bound.map((m) => m.phase))].sort((a, b) => a - b);
      const id = `atop-${alliance.atopId}/${coding.obligation}`;
      const props = {
        id,
        article: 'ATOP coding',
        obligation: coding.obligation,
        summary: provisionSummary(coding.obligation, boundStates.size, states.size, conditional.size, conditions, other.size, phases, alliance.maxPhase),
        conditions: conditions.map((c) => `${c.words} (${c.variable.toUpperCase()})`),
        phases,
      };
      rows.push({ key: id, hash: contentHash({ ...props, atopId: alliance.atopId }), props, ref: { atopId: alliance.atopId } });
    }
  }
  return rows;
}

function provisionSummary(
  obligation: Obligation,
  bound: number,
  members: number,
  conditional: number,
  conditions: readonly { variable: string; words: string }[],
  other: number,
  phases: readonly number[],
  maxPhase: number,
): string {
  const coding = OBLIGATION_CODINGS.find((c) => c.obligation === obligation)!;
  if (bound === 0) {
    // The alliance file codes it; the member rows that carry it were left out (a member that is no COW state).
    return `ATOP codes ${coding.variable.toUpperCase()} (the member promises ${coding.promise}) for the alliance, ` +
      `but for none of the ${members === 1 ? 'member' : `${members} members`} imported: the member rows that carry it were left out.`;
  }
  const who = bound === members ? `all ${members} members` : `${bound} of ${members} members`;
  let text = `ATOP codes ${coding.variable.toUpperCase()} (the member promises ${coding.promise}) for ${who}`;
  if (coding.conditional) {
    text += conditional === 0
      ? `, unconditionally (${coding.conditional.toUpperCase()} 0)`
      : `; for ${conditional === bound ? 'all of them' : `${conditional} of them`} it is conditional (${coding.conditional.toUpperCase()} 1) on ` +
        conditions.map((c) => `${c.words} (${c.variable.toUpperCase()})`).join('; ');
  }
  text += '.';
  if (other > 0) text += ` ${other === 1 ? 'One of them has' : `${other} of them have`} an obligation conditional on ${OTHER_CONDITION.words} (OLIMOB).`;
  if (maxPhase > 0) text += ` Coded in phase${phases.length === 1 ? '' : 's'} ${phases.join(', ')} of ${maxPhase}.`;
  return text;
}

export function partyRows(data: AtopData): ImportRow[] {
  const seen = new Map<string, number>();
  return data.members.map((m) => {
    const alliance = data.alliances.get(m.atopId)!;
    // A member can have several rows in one phase (it left and rejoined): they are told apart by order.
    const base = `${m.atopId}/${m.state.code}/${m.phase}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const props = {
      atopPhase: m.phase,
      cowCode: m.state.ccode,
      signedOn: m.entry,
      inForceFrom: m.entry,
      leftOn: m.exit,
      fromDate: startBound(m.entry),
      // ATOP's exit date is the member's last day in the alliance.
      untilDate: earlierEnd(endBound(m.exit, 'inclusive'), treatyUntil(alliance)),
      obligations: m.obligations,
      conditions: m.conditions,
      sources: [ATOP_SOURCE.id],
    };
    const ref = { nation: m.state.code, atopId: m.atopId };
    return { key: `${base}/${n}`, hash: contentHash({ ...props, ...ref }), props, ref };
  });
}

export function atopSets(data: AtopData): ElementSet[] {
  const membersOf = new Map<number, Member[]>();
  for (const m of data.members) membersOf.set(m.atopId, [...(membersOf.get(m.atopId) ?? []), m]);
  return [
    { kind: 'treaties', existing: 'import/existing-atop-treaties', upsert: 'import/upsert-atop-treaties', remove: 'import/remove-atop-treaties', rows: treatyRows(data, membersOf), params },
    { kind: 'provisions', existing: 'import/existing-atop-provisions', upsert: 'import/upsert-atop-provisions', remove: 'import/remove-atop-provisions', rows: provisionRows(data, membersOf), params },
    { kind: 'parties', existing: 'import/existing-atop-parties', upsert: 'import/upsert-atop-parties', remove: 'import/remove-atop-parties', rows: partyRows(data), params },
  ];
}
