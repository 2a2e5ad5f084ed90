/**
 * A synthetic world `scale` times ATOP's size, written in ATOP's own file layout so the real importer reads
 * it: `scale` x 217 states (COW list + crosswalk), `scale` x 789 alliances and about `scale` x 2,510 member
 * rows. The shape follows ATOP's: mostly bilateral alliances, a tail of large multilateral ones, members mostly
 * from one region, half the alliances still in force at the end of 2018, some later accessions and earlier
 * exits, obligations and conditions at ATOP's rates. A fixed seed makes every run the same world.
 *
 *   tsx bench/generate.ts --scale 10 --out DIR      (writes DIR/atop-5.1, DIR/cow-states, DIR/countrycode)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const ATOP_ALLIANCES = 789;
export const ATOP_STATES = 217;
const REGIONS = ['Europe & Central Asia', 'Middle East & North Africa', 'Sub-Saharan Africa', 'Latin America & Caribbean', 'East Asia & Pacific', 'South Asia', 'North America'];
const OBLIGATIONS = [['defense', 0.4], ['offense', 0.09], ['neutral', 0.11], ['nonagg', 0.6], ['consul', 0.49]] as const;
const CONDITIONS = ['defcon', 'offcon', 'neucon', 'concon', 'defcoadv', 'defcoloc', 'defcocon', 'defconum', 'defcodem', 'defconpr', 'offcoadv', 'offcoloc', 'offcocon', 'offconum', 'offcodem', 'neucoadv', 'neucoloc', 'neucocon', 'neuconum', 'neucodem', 'neuconpr', 'neucoatt', 'concoadv', 'concoloc', 'concocon', 'concoreq', 'olimob'];

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SynthState { ccode: number; abb: string; region: number; from: number; to: number | null }

export interface GeneratedWorld {
  dir: string;
  atopDir: string;
  statesFile: string;
  crosswalkFile: string;
  states: number;
  alliances: number;
  memberRows: number;
}

export function generateWorld(scale: number, out: string, seed = 20_220_809): GeneratedWorld {
  const next = random(seed * 31 + scale);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;

  // States: base-36 abbreviations, so 100 x 217 of them fit in three characters.
  const states: SynthState[] = [];
  for (let i = 0; i < ATOP_STATES * scale; i += 1) {
    const from = next() < 0.3 ? 1816 : int(1816, 1995);
    const to = next() < 0.75 ? null : int(from + 5, 2015);
    states.push({ ccode: i + 1, abb: (i + 36 * 36).toString(36).toUpperCase().padStart(3, '0').slice(-3), region: int(0, REGIONS.length - 1), from, to });
  }
  const byRegion = REGIONS.map((_, r) => states.filter((s) => s.region === r));
  const alive = (s: SynthState, year: number) => s.from <= year && (s.to === null || s.to >= year);

  const alliances: string[] = [];
  const members: string[] = [];
  const memberHeader = ['atopid', 'member', 'yrent', 'moent', 'dayent', 'yrexit', 'moexit', 'dayexit', 'phase', ...OBLIGATIONS.map(([o]) => o), ...CONDITIONS];
  let atopId = 1000;
  for (let a = 0; a < ATOP_ALLIANCES * scale; a += 1) {
    atopId += 1;
    // Alliances cluster after 1945, as ATOP's do.
    const begin = next() < 0.35 ? int(1815, 1944) : int(1945, 2018);
    const bmo = int(1, 12);
    const bday = next() < 0.02 ? 0 : int(1, 28);
    const open = next() < 0.45;
    const end = open ? null : Math.min(2018, begin + int(0, 40));
    const emo = end === null ? 0 : end === begin ? int(bmo, 12) : int(1, 12);
    const eday = end === null ? 0 : end === begin && emo === bmo ? int(Math.max(bday, 1), 28) : int(1, 28);
    // ATOP averages 3.2 members an alliance: three in four are bilateral.
    const size = next() < 0.75 ? 2 : next() < 0.8 ? int(3, 6) : int(7, 25);
    const region = int(0, REGIONS.length - 1);
    const chosen = new Set<SynthState>();
    for (let tries = 0; chosen.size < size && tries < size * 20; tries += 1) {
      const pool = next() < 0.8 ? byRegion[region]! : states;
      const s = pick(pool);
      if (alive(s, begin)) chosen.add(s);
    }
    if (chosen.size < 2) {
      atopId -= 1;
      a -= 1;
      continue;
    }
    const obligations = OBLIGATIONS.map(([, p]) => next() < p);
    if (!obligations.some(Boolean)) obligations[3] = true;
    const listed = [...chosen].map((s) => s.ccode);
    alliances.push([atopId, '', begin, bmo, bday || '', end ?? 0, emo, end === null ? 0 : eday, 0, ...obligations.map(Number), ...listed].join(','));
    const lastDate = end === null ? null : [end, emo, eday] as const;
    for (const s of chosen) {
      // Some members join later or leave earlier, within the alliance's life.
      const day = (d: readonly number[]) => d[0]! * 10000 + d[1]! * 100 + d[2]!;
      const within = (d: readonly number[], from: readonly number[]) => day(d) >= day(from) && (lastDate === null || day(d) <= day(lastDate));
      let entry: readonly [number, number, number] = [begin, bmo, bday || 1];
      if (next() < 0.15) {
        const candidate = [int(begin, end ?? 2018), int(1, 12), int(1, 28)] as const;
        if (candidate[0] > begin && within(candidate, entry)) entry = candidate;
      }
      let exit: readonly [number, number, number] | null = lastDate;
      if (next() < 0.1) {
        const candidate = [int(entry[0], end ?? 2018), int(1, 12), int(1, 28)] as const;
        if (within(candidate, entry)) exit = candidate;
      }
      const memberObligations = obligations.map((o) => (o && next() < 0.95 ? 1 : 0));
      const conditions = CONDITIONS.map(() => (next() < 0.04 ? 1 : 0));
      members.push([atopId, s.ccode, entry[0], entry[1], bday === 0 && entry[0] === begin && entry[1] === bmo ? '' : entry[2],
        exit?.[0] ?? 0, exit?.[1] ?? 0, exit?.[2] ?? 0, 0, ...memberObligations, ...conditions].join(','));
    }
  }

  const atopDir = join(out, 'atop-5.1');
  const statesDir = join(out, 'cow-states');
  const crosswalkDir = join(out, 'countrycode');
  for (const d of [atopDir, statesDir, crosswalkDir]) mkdirSync(d, { recursive: true });
  const maxMembers = Math.max(...alliances.map((line) => line.split(',').length - 14));
  const allianceHeader = ['atopid', 'cow4id', 'begyr', 'begmo', 'begday', 'endyr', 'endmo', 'endday', 'maxphase', ...OBLIGATIONS.map(([o]) => o),
    ...Array.from({ length: maxMembers }, (_, i) => `mem${i + 1}`)];
  const pad = (line: string) => line + ','.repeat(allianceHeader.length - line.split(',').length);
  writeFileSync(join(atopDir, 'atop5_1a.csv'), [allianceHeader.join(','), ...alliances.map(pad)].join('\n') + '\n');
  writeFileSync(join(atopDir, 'atop5_1m.csv'), [memberHeader.join(','), ...members].join('\n') + '\n');
  const stateLines = states.map((s) => [s.abb, s.ccode, `State ${s.abb}`, s.from, 1, 1, s.to ?? 2016, 12, 31].join(','));
  writeFileSync(join(statesDir, 'states2016.csv'), ['stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday', ...stateLines].join('\n') + '\n');
  const crosswalk = states.map((s) => [s.ccode, '', `"${REGIONS[s.region]}"`, ''].join(','));
  writeFileSync(join(crosswalkDir, 'codelist_without_cldr.csv'), ['cown,iso3c,region,gwn', ...crosswalk].join('\n') + '\n');
  return {
    dir: out,
    atopDir,
    statesFile: join(statesDir, 'states2016.csv'),
    crosswalkFile: join(crosswalkDir, 'codelist_without_cldr.csv'),
    states: states.length,
    alliances: alliances.length,
    memberRows: members.length,
  };
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '10' }, out: { type: 'string' } } });
  if (!values.out) throw new Error('pass --out DIR');
  const world = generateWorld(Number(values.scale), values.out);
  console.log(`${world.states} states, ${world.alliances} alliances, ${world.memberRows} member rows in ${world.dir}`);
}
