/**
 * Checks the seed pack as a whole: ids are unique, every reference resolves, dates are in order, signatories
 * held the office they signed in, and parties existed when they joined. Needs no database. Every problem of
 * every file is reported at once, in file and line order.
 */
import { closest } from './suggest.ts';
import { entriesOf, formatPath, listSeedFiles, readSeeds, type Path, type SeedFile, type SeedProblem } from './read.ts';
import { mayPrecede } from '../model/dates.ts';
import type { Leader, Nation, Organization, SeedKind, Source, Statement, Treaty, Visit } from './schema.ts';

/** The seed pack, shape-checked and indexed by id. */
export interface SeedPack {
  sources: Map<string, Source>;
  nations: Map<string, Nation>;
  leaders: Map<string, Leader>;
  organizations: Map<string, Organization>;
  statements: Map<string, Statement>;
  visits: Map<string, Visit>;
  treaties: Map<string, Treaty>;
  /** The file each treaty came from, relative to the working directory. */
  treatyFiles: Map<string, string>;
}

export interface CheckResult {
  pack: SeedPack;
  problems: SeedProblem[];
  fileCount: number;
}

type Report = (file: SeedFile, path: Path, message: string, code: string) => void;

export function checkSeeds(dir: string, cwd: string = process.cwd()): CheckResult {
  const { files, problems, declared } = readSeeds(dir, cwd);
  const report: Report = (file, path, message, code) => {
    problems.push({ file: file.file, line: file.lineOf(path), path: formatPath(path), message, code });
  };
  const pack = index(files, report);
  checkReferences(files, pack, report, declared);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.path.localeCompare(b.path));
  return { pack, problems, fileCount: listSeedFiles(dir).length };
}

function index(files: SeedFile[], report: Report): SeedPack {
  const pack: SeedPack = {
    sources: new Map(),
    nations: new Map(),
    leaders: new Map(),
    organizations: new Map(),
    statements: new Map(),
    visits: new Map(),
    treaties: new Map(),
    treatyFiles: new Map(),
  };
  const seen = new Map<string, string>();
  const add = <T>(map: Map<string, T>, what: string, key: string, value: T, file: SeedFile, path: Path) => {
    const first = seen.get(`${what}:${key}`);
    if (first !== undefined) {
      report(file, path, `duplicate ${what} "${key}": already defined at ${first}`, 'SEED_DUPLICATE_ID');
      return;
    }
    seen.set(`${what}:${key}`, `${file.file}:${file.lineOf(path)}`);
    map.set(key, value);
  };
  for (const file of files) {
    switch (file.kind) {
      case 'sources': entriesOf<Source>(file).forEach(([s, i]) => add(pack.sources, 'source', s.id, s, file, [i, 'id'])); break;
      case 'nations': entriesOf<Nation>(file).forEach(([n, i]) => add(pack.nations, 'nation', n.code, n, file, [i, 'code'])); break;
      case 'leaders': entriesOf<Leader>(file).forEach(([l, i]) => add(pack.leaders, 'leader', l.id, l, file, [i, 'id'])); break;
      case 'organizations': entriesOf<Organization>(file).forEach(([o, i]) => add(pack.organizations, 'organization', o.id, o, file, [i, 'id'])); break;
      case 'statements': entriesOf<Statement>(file).forEach(([s, i]) => add(pack.statements, 'statement', s.id, s, file, [i, 'id'])); break;
      case 'visits': entriesOf<Visit>(file).forEach(([v, i]) => add(pack.visits, 'visit', v.id, v, file, [i, 'id'])); break;
      case 'treaty': {
        const treaty = file.value as Treaty;
        add(pack.treaties, 'treaty', treaty.id, treaty, file, ['id']);
        pack.treatyFiles.set(treaty.id, file.file);
        const expected = `${treaty.id}.yaml`;
        if (!file.file.endsWith(`/${expected}`) && file.file !== expected) {
          report(file, ['id'], `the file of treaty "${treaty.id}" must be named ${expected}, so that the id is found by its file`, 'SEED_FILE_NAME');
        }
        break;
      }
    }
  }
  return pack;
}

const KIND_OF: Record<string, SeedKind> = { nation: 'nations', leader: 'leaders', source: 'sources', organization: 'organizations', treaty: 'treaty' };

function checkReferences(files: SeedFile[], pack: SeedPack, report: Report, declared: Map<SeedKind, Set<string>>): void {
  const ref = (file: SeedFile, path: Path, what: string, map: Map<string, unknown>, key: string, hint?: Iterable<string>): boolean => {
    if (map.has(key)) return true;
    // Declared by an entry that failed its own checks: already reported there.
    if (declared.get(KIND_OF[what]!)?.has(key)) return false;
    const near = closest(key, hint ?? map.keys());
    const where = { nation: 'seeds/nations.yaml', leader: 'seeds/leaders.yaml', source: 'seeds/sources.yaml', organization: 'seeds/organizations.yaml', treaty: 'seeds/treaties/' }[what] ?? 'the seeds';
    report(file, path, `unknown ${what} "${key}"${near ? `; did you mean "${near}"?` : `; add it to ${where} first`}`, 'SEED_UNKNOWN_REFERENCE');
    return false;
  };
  const sources = (file: SeedFile, path: Path, ids: readonly string[]) =>
    ids.forEach((id, i) => ref(file, [...path, i], 'source', pack.sources, id));
  const nation = (file: SeedFile, path: Path, code: string) => ref(file, path, 'nation', pack.nations, code);
  const order = (file: SeedFile, path: Path, earlier: [string, string | undefined], later: [string, string | undefined]) => {
    const [earlierName, a] = earlier;
    const [laterName, b] = later;
    if (a && b && !mayPrecede(a, b)) {
      report(file, path, `${laterName} ${b} is before ${earlierName} ${a}; dates must run ${earlierName} ≤ ${laterName}`, 'SEED_DATE_ORDER');
    }
  };
  const caveats = (file: SeedFile, path: Path, list: readonly { sources: string[] }[]) =>
    list.forEach((c, i) => sources(file, [...path, i, 'sources'], c.sources));

  for (const file of files) {
    switch (file.kind) {
      case 'nations':
        entriesOf<Nation>(file).forEach(([n, i]) => {
          sources(file, [i, 'sources'], n.sources);
          n.periods.forEach((p, j) => {
            sources(file, [i, 'periods', j, 'sources'], p.sources);
            order(file, [i, 'periods', j, 'to'], ['from', p.from], ['to', p.to]);
          });
          n.names.forEach((p, j) => {
            sources(file, [i, 'names', j, 'sources'], p.sources);
            order(file, [i, 'names', j, 'to'], ['from', p.from], ['to', p.to]);
          });
        });
        break;
      case 'leaders':
        entriesOf<Leader>(file).forEach(([l, i]) =>
          l.tenures.forEach((t, j) => {
            if (t.nation !== undefined) nation(file, [i, 'tenures', j, 'nation'], t.nation);
            if (t.organization !== undefined) ref(file, [i, 'tenures', j, 'organization'], 'organization', pack.organizations, t.organization);
            sources(file, [i, 'tenures', j, 'sources'], t.sources);
            caveats(file, [i, 'tenures', j, 'caveats'], t.caveats);
            order(file, [i, 'tenures', j, 'to'], ['from', t.from], ['to', t.to]);
          }),
        );
        break;
      case 'organizations':
        entriesOf<Organization>(file).forEach(([o, i]) => {
          sources(file, [i, 'sources'], o.sources);
          if (o.foundingTreaty) ref(file, [i, 'foundingTreaty'], 'treaty', pack.treaties, o.foundingTreaty);
          const members = new Map<string, number>();
          o.members.forEach((m, j) => {
            const path = [i, 'members', j];
            if (nation(file, [...path, 'nation'], m.nation)) existed(file, [...path, 'from'], pack.nations.get(m.nation)!, m.from, report);
            sources(file, [...path, 'sources'], m.sources);
            order(file, [...path, 'to'], ['from', m.from], ['to', m.to]);
            const prev = members.get(`${m.nation}:${m.from}`);
            if (prev !== undefined) report(file, [...path, 'nation'], `duplicate member ${m.nation} from ${m.from}: already listed as members[${prev}]`, 'SEED_DUPLICATE_ID');
            members.set(`${m.nation}:${m.from}`, j);
          });
          o.aspirants.forEach((a, j) => {
            nation(file, [i, 'aspirants', j, 'nation'], a.nation);
            sources(file, [i, 'aspirants', j, 'sources'], a.sources);
          });
        });
        break;
      case 'statements':
        entriesOf<Statement>(file).forEach(([s, i]) => {
          ref(file, [i, 'speaker'], 'leader', pack.leaders, s.speaker);
          sources(file, [i, 'sources'], s.sources);
          s.about.nations.forEach((c, j) => nation(file, [i, 'about', 'nations', j], c));
          s.about.treaties.forEach((t, j) => ref(file, [i, 'about', 'treaties', j], 'treaty', pack.treaties, t));
          s.about.organizations.forEach((o, j) => ref(file, [i, 'about', 'organizations', j], 'organization', pack.organizations, o));
        });
        break;
      case 'visits':
        entriesOf<Visit>(file).forEach(([v, i]) => {
          ref(file, [i, 'leader'], 'leader', pack.leaders, v.leader);
          nation(file, [i, 'host'], v.host);
          sources(file, [i, 'sources'], v.sources);
          order(file, [i, 'to'], ['from', v.from], ['to', v.to]);
        });
        break;
      case 'treaty':
        checkTreaty(file, file.value as Treaty, pack, report, { ref, sources, nation, order, caveats });
        break;
      case 'sources':
        break;
    }
  }
}

interface Helpers {
  ref: (file: SeedFile, path: Path, what: string, map: Map<string, unknown>, key: string) => boolean;
  sources: (file: SeedFile, path: Path, ids: readonly string[]) => void;
  nation: (file: SeedFile, path: Path, code: string) => boolean;
  order: (file: SeedFile, path: Path, earlier: [string, string | undefined], later: [string, string | undefined]) => void;
  caveats: (file: SeedFile, path: Path, list: readonly { sources: string[] }[]) => void;
}

function checkTreaty(file: SeedFile, t: Treaty, pack: SeedPack, report: Report, h: Helpers): void {
  h.sources(file, ['sources'], t.sources);
  h.caveats(file, ['caveats'], t.caveats);
  h.order(file, ['enteredIntoForceOn'], ['signedOn', t.signedOn], ['enteredIntoForceOn', t.enteredIntoForceOn]);
  h.order(file, ['terminatedOn'], ['enteredIntoForceOn', t.enteredIntoForceOn ?? t.signedOn], ['terminatedOn', t.terminatedOn]);
  h.order(file, ['expiresOn'], ['enteredIntoForceOn', t.enteredIntoForceOn ?? t.signedOn], ['expiresOn', t.expiresOn]);

  const parties = new Map<string, number>();
  t.parties.forEach((p, i) => {
    const path = ['parties', i];
    h.sources(file, [...path, 'sources'], p.sources);
    h.caveats(file, [...path, 'caveats'], p.caveats);
    const prev = parties.get(p.nation);
    if (prev !== undefined) report(file, [...path, 'nation'], `${p.nation} is already a party at parties[${prev}]; list each nation once`, 'SEED_DUPLICATE_ID');
    parties.set(p.nation, i);
    if (h.nation(file, [...path, 'nation'], p.nation)) {
      const joined = p.inForceFrom ?? p.signedOn ?? t.signedOn ?? t.enteredIntoForceOn;
      if (joined) existed(file, [...path, p.inForceFrom ? 'inForceFrom' : 'nation'], pack.nations.get(p.nation)!, joined, report);
    }
    h.order(file, [...path, 'ratifiedOn'], ['signedOn', p.signedOn], ['ratifiedOn', p.ratifiedOn]);
    h.order(file, [...path, 'inForceFrom'], ['treaty signedOn', t.signedOn], ['inForceFrom', p.inForceFrom]);
    h.order(file, [...path, 'leftOn'], ['inForceFrom', p.inForceFrom ?? t.enteredIntoForceOn], ['leftOn', p.leftOn]);
  });

  t.signatories.forEach((s, i) => {
    const path = ['signatories', i];
    h.sources(file, [...path, 'sources'], s.sources);
    const leaderOk = h.ref(file, [...path, 'leader'], 'leader', pack.leaders, s.leader);
    if (h.nation(file, [...path, 'nation'], s.nation) && !parties.has(s.nation)) {
      report(file, [...path, 'nation'], `${s.nation} signed but is not a party; add it under parties`, 'SEED_UNKNOWN_REFERENCE');
    }
    if (leaderOk) heldOffice(file, path, pack.leaders.get(s.leader)!, s.office, s.nation, s.signedOn, report);
  });

  const provisions = new Map<string, number>();
  t.provisions.forEach((p, i) => {
    const path = ['provisions', i];
    h.sources(file, [...path, 'sources'], p.sources);
    h.caveats(file, [...path, 'caveats'], p.caveats);
    const key = `${p.article}/${p.obligation}`;
    const prev = provisions.get(key);
    if (prev !== undefined) report(file, [...path, 'article'], `article ${p.article} with obligation ${p.obligation} is already listed at provisions[${prev}]`, 'SEED_DUPLICATE_ID');
    provisions.set(key, i);
    for (const role of ['obligors', 'beneficiaries'] as const) {
      (p[role] ?? []).forEach((code, j) => {
        if (h.nation(file, [...path, role, j], code) && !parties.has(code)) {
          report(file, [...path, role, j], `${code} is not a party to this treaty`, 'SEED_UNKNOWN_REFERENCE');
        }
      });
    }
  });

  t.milestones.forEach((m, i) => {
    h.sources(file, ['milestones', i, 'sources'], m.sources);
    if (m.nation) h.nation(file, ['milestones', i, 'nation'], m.nation);
  });

  t.supersedes.forEach((s, i) => {
    const path = ['supersedes', i];
    h.sources(file, [...path, 'sources'], s.sources);
    if (s.treaty === t.id) report(file, [...path, 'treaty'], 'a treaty cannot supersede itself', 'SEED_UNKNOWN_REFERENCE');
    else h.ref(file, [...path, 'treaty'], 'treaty', pack.treaties, s.treaty);
  });
}

/** A signatory must have held the office, for that nation, on the signing date. */
function heldOffice(file: SeedFile, path: Path, leader: Leader, office: string, nation: string, on: string, report: Report): void {
  const covering = leader.tenures.filter(
    (t) => t.nation === nation && mayPrecede(t.from, on) && (!t.to || mayPrecede(on, t.to)),
  );
  if (covering.some((t) => t.office === office)) return;
  const offices = covering.map((t) => t.office);
  const near = closest(office, offices);
  const held = offices.length > 0 ? `; on that date they held ${offices.map((o) => `"${o}"`).join(', ')}` : '; no tenure of theirs covers that date';
  report(
    file,
    [...path, 'office'],
    `${leader.name} did not hold the office "${office}" for ${nation} on ${on}${held}${near ? ` (did you mean "${near}"?)` : ''}`,
    'SEED_SIGNATORY_OFFICE',
  );
}

/** A nation must exist (in one of its periods) on the date it became a party or member. */
function existed(file: SeedFile, path: Path, nation: Nation, on: string, report: Report): void {
  const ok = nation.periods.some((p) => mayPrecede(p.from, on) && (!p.to || mayPrecede(on, p.to)));
  if (ok) return;
  const spans = nation.periods.map((p) => `${p.from}–${p.to ?? ''}`).join(', ');
  report(file, path, `${nation.code} (${nation.name}) did not exist on ${on}; its periods are ${spans}`, 'SEED_NATION_NOT_EXISTING');
}
