/**
 * ATOP's obligation and condition variables (codebook section 2.33), mapped to Entente's obligations and
 * described in the codebook's words.
 */
import type { Obligation } from '../../seeds/schema.ts';

export interface ObligationCoding {
  readonly obligation: Obligation;
  /** The member-level dummy: DEFENSE, OFFENSE, NEUTRAL, NONAGG, CONSUL. */
  readonly variable: string;
  /** What the member promises ("to ..."), after the codebook. */
  readonly promise: string;
  /** The summary dummy that is 1 when the obligation is conditional (none for nonaggression). */
  readonly conditional?: string;
  readonly conditions: readonly { readonly variable: string; readonly words: string }[];
}

const ADV = 'a particular adversary or type of adversary';
const LOC = 'conflict in a particular location';
const CON = 'a particular ongoing conflict';
const NUM = 'the number of adversaries';
const DEM = 'the ally or the adversary meeting demands detailed in the agreement';
const NPR = 'the ally not provoking the adversary';

export const OBLIGATION_CODINGS: readonly ObligationCoding[] = [
  {
    obligation: 'DEFENSE',
    variable: 'defense',
    promise: 'to give active military support if the sovereignty or territory of an ally is attacked',
    conditional: 'defcon',
    conditions: [
      { variable: 'defcoadv', words: ADV }, { variable: 'defcoloc', words: LOC }, { variable: 'defcocon', words: CON },
      { variable: 'defconum', words: NUM }, { variable: 'defcodem', words: DEM }, { variable: 'defconpr', words: NPR },
    ],
  },
  {
    obligation: 'OFFENSE',
    variable: 'offense',
    promise: 'to give active military support in circumstances other than an attack on an ally',
    conditional: 'offcon',
    conditions: [
      { variable: 'offcoadv', words: ADV }, { variable: 'offcoloc', words: LOC }, { variable: 'offcocon', words: CON },
      { variable: 'offconum', words: NUM }, { variable: 'offcodem', words: DEM },
    ],
  },
  {
    obligation: 'NEUTRALITY',
    variable: 'neutral',
    promise: "to stay neutral: not to join or aid an ally's adversary in a conflict",
    conditional: 'neucon',
    conditions: [
      { variable: 'neucoadv', words: ADV }, { variable: 'neucoloc', words: LOC }, { variable: 'neucocon', words: CON },
      { variable: 'neuconum', words: NUM }, { variable: 'neucodem', words: DEM }, { variable: 'neuconpr', words: NPR },
      { variable: 'neucoatt', words: 'the ally being attacked' },
    ],
  },
  {
    obligation: 'NON_AGGRESSION',
    variable: 'nonagg',
    promise: 'not to use force against the alliance partners and to settle disputes with them peacefully',
    conditions: [],
  },
  {
    obligation: 'CONSULTATION',
    variable: 'consul',
    promise: 'to consult the partners in a crisis that may become a militarized conflict',
    conditional: 'concon',
    conditions: [
      { variable: 'concoadv', words: ADV }, { variable: 'concoloc', words: 'a crisis in a particular location' },
      { variable: 'concocon', words: CON }, { variable: 'concoreq', words: 'an ally requesting consultation' },
    ],
  },
];

/** OLIMOB: an obligation of the member is contingent on a condition the codes above do not cover. */
export const OTHER_CONDITION = { variable: 'olimob', words: 'a condition not covered by the other codes' } as const;

export const OBLIGATION_COLUMNS = OBLIGATION_CODINGS.map((c) => c.variable);
export const CONDITION_COLUMNS = [
  ...OBLIGATION_CODINGS.flatMap((c) => [...(c.conditional ? [c.conditional] : []), ...c.conditions.map((x) => x.variable)]),
  OTHER_CONDITION.variable,
];

/** "DEFENSE on a particular adversary or type of adversary (DEFCOADV)": one condition of one member. */
export function conditionLabel(coding: ObligationCoding, condition: { variable: string; words: string }): string {
  return `${coding.obligation} conditional on ${condition.words} (${condition.variable.toUpperCase()})`;
}
