/**
 * The rule that gives every Correlates of War state its Entente nation code (STATE-CODES.md lists the
 * outcome for every state whose code needed a decision):
 *
 * 1. an override below, where the crosswalk's answer would split one state's history (COW 345);
 * 2. else the ISO 3166-1 alpha-3 code the countrycode crosswalk gives for that COW code (cown → iso3c);
 * 3. else `X` + the COW abbreviation (Bavaria BAV → XBAV): stable, and never an ISO code, which has three letters.
 *
 * Two COW states never share a code: the crosswalk gives an ISO code to one COW code at most, and COW
 * abbreviations are unique. `assignCodes` checks it anyway, so a future crosswalk cannot merge two states.
 */

export interface CodeOverride {
  readonly code: string;
  readonly name: string;
  readonly reason: string;
}

export const CODE_OVERRIDES: ReadonlyMap<number, CodeOverride> = new Map([
  [
    345,
    {
      code: 'SRB',
      name: 'Serbia',
      reason:
        'COW 345 is one state from 1878 to 2016: Serbia, Yugoslavia, Serbia and Montenegro, Serbia again. The crosswalk ' +
        'gives it no ISO code (Serbia appears there only under Gleditsch-Ward 340), so the rule would have named modern ' +
        'Serbia XYUG; like COW 365 (Russia, the Soviet Union included) it takes its present ISO code.',
    },
  ],
]);

export const NATION_CODE = /^[A-Z]{3}$|^X[A-Z0-9]{2,5}$/;

export type CodeSource = 'override' | 'crosswalk' | 'cow-abbreviation';

export interface StateCode {
  readonly code: string;
  readonly source: CodeSource;
}

export function stateCode(ccode: number, abbreviation: string, iso3: string | undefined): StateCode {
  const override = CODE_OVERRIDES.get(ccode);
  if (override) return { code: override.code, source: 'override' };
  if (iso3) return { code: iso3, source: 'crosswalk' };
  return { code: `X${abbreviation}`, source: 'cow-abbreviation' };
}
