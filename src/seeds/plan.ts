/**
 * Turns the checked seed pack into the graph it describes: one row per node and relationship, each with a
 * stable key and a hash of its content, grouped by the Cypher statement that writes it. The loader compares
 * these keys and hashes with what the graph holds to write exactly what changed.
 */
import { createHash } from 'node:crypto';
import { firstDay, lastDay } from '../model/dates.ts';
import { aliasText } from '../model/names.ts';
import { earlierEnd, endBound, startBound } from '../model/periods.ts';
import type { SeedPack } from './check.ts';
import type { Caveat, Treaty } from './schema.ts';

/** One element of the seeded graph. `props` are stored as they are; `*Date` fields become Neo4j dates. */
export interface PlannedRow {
  key: string;
  hash: string;
  /** For relationships: the seedKey of the start node (deletion finds relationships through it). */
  start?: string;
  [field: string]: unknown;
}

/** The statements that write seed elements, in the order they must run (nodes before what links them). */
export const NODE_STATEMENTS = [
  'load/upsert-sources',
  'load/upsert-nations',
  'load/upsert-periods',
  'load/upsert-nation-names',
  'load/upsert-leaders',
  'load/upsert-treaties',
  'load/upsert-provisions',
  'load/upsert-milestones',
  'load/upsert-organizations',
  'load/upsert-statements',
  'load/upsert-visits',
  'load/upsert-caveats',
] as const;

export const RELATIONSHIP_STATEMENTS = [
  'load/upsert-tenures',
  'load/upsert-parties',
  'load/upsert-signatories',
  'load/upsert-supersessions',
  'load/upsert-memberships',
  'load/upsert-aspirations',
] as const;

export type Statement = (typeof NODE_STATEMENTS)[number] | (typeof RELATIONSHIP_STATEMENTS)[number];

/** What each statement writes, for the loader's report. */
export const STATEMENT_LABELS: Record<Statement, string> = {
  'load/upsert-sources': 'sources',
  'load/upsert-nations': 'nations',
  'load/upsert-periods': 'nation periods',
  'load/upsert-nation-names': 'nation names',
  'load/upsert-leaders': 'leaders',
  'load/upsert-treaties': 'treaties',
  'load/upsert-provisions': 'provisions',
  'load/upsert-milestones': 'milestones',
  'load/upsert-organizations': 'organizations',
  'load/upsert-statements': 'statements',
  'load/upsert-visits': 'visits',
  'load/upsert-caveats': 'caveats',
  'load/upsert-tenures': 'tenures',
  'load/upsert-parties': 'parties',
  'load/upsert-signatories': 'signatories',
  'load/upsert-supersessions': 'supersessions',
  'load/upsert-memberships': 'memberships',
  'load/upsert-aspirations': 'aspirations',
};

/** The kind (as STATEMENT_LABELS names it) of an element, from the prefix of the key `planSeeds` gave it. */
const KIND_OF_KEY_PREFIX: Record<string, string> = {
  Source: 'sources', Nation: 'nations', Period: 'nation periods', NationName: 'nation names', Leader: 'leaders',
  Treaty: 'treaties', Provision: 'provisions', Milestone: 'milestones', Organization: 'organizations',
  Statement: 'statements', Visit: 'visits', Caveat: 'caveats', held: 'tenures', party: 'parties',
  signed: 'signatories', supersedes: 'supersessions', member: 'memberships', aspires: 'aspirations',
};

export function kindOfKey(key: string): string {
  return KIND_OF_KEY_PREFIX[/^[A-Za-z]+/.exec(key)?.[0] ?? ''] ?? 'other';
}

export type Plan = Map<Statement, PlannedRow[]>;

/** Changes when the way rows are written changes, so that a new loader rewrites what an old one wrote. */
const WRITE_FORMAT = 2;

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify([WRITE_FORMAT, value])).digest('base64url').slice(0, 22);
}

/** Absent values become null so that a field deleted from a seed file is removed from the graph too. */
function nulls<T extends Record<string, unknown>>(props: T): T {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === undefined ? null : v])) as T;
}

function row(key: string, fields: Record<string, unknown>, start?: string): PlannedRow {
  const clean = nulls(fields);
  return { key, hash: hashOf([key, start ?? null, clean]), ...(start ? { start } : {}), ...clean };
}

export function planSeeds(pack: SeedPack): Plan {
  const plan: Plan = new Map([...NODE_STATEMENTS, ...RELATIONSHIP_STATEMENTS].map((s) => [s, [] as PlannedRow[]]));
  const add = (statement: Statement, r: PlannedRow) => plan.get(statement)!.push(r);
  const caveats = (owner: string, ownerLabel: string, list: readonly Caveat[], fieldPrefix = '') => {
    const seen = new Map<string, number>();
    for (const c of list) {
      const field = fieldPrefix + c.field;
      const base = `${owner}/caveat/${field}/${c.kind}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const id = n === 1 ? base : `${base}/${n}`;
      add('load/upsert-caveats', row(`Caveat:${id}`, {
        id, owner: `${ownerLabel}:${owner}`, field, kind: c.kind, alternative: c.alternative, note: c.note, sources: c.sources,
      }));
    }
  };

  for (const s of pack.sources.values()) {
    add('load/upsert-sources', row(`Source:${s.id}`, {
      id: s.id, publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn, author: s.author, accessedOn: s.accessedOn,
    }));
  }

  for (const n of pack.nations.values()) {
    add('load/upsert-nations', row(`Nation:${n.code}`, {
      code: n.code, name: n.name, aliases: n.aliases, aliasText: aliasText(n.aliases), cowCode: n.cowCode, region: n.region, sources: n.sources,
    }));
    // A nation's periods are COW spells and end, as COW's do, on their last day (Germany on 1945-05-08); so do
    // the names borne in them. Every other seeded end is the first day without the thing.
    for (const p of n.periods) {
      const id = `${n.code}/period/${p.from}`;
      add('load/upsert-periods', row(`Period:${id}`, {
        id, nation: n.code, from: p.from, to: p.to, fromDate: startBound(p.from), untilDate: endBound(p.to, 'inclusive'), sources: p.sources,
      }));
    }
    for (const name of n.names) {
      const id = `${n.code}/name/${name.name}/${name.from ?? ''}`;
      add('load/upsert-nation-names', row(`NationName:${id}`, {
        id, nation: n.code, name: name.name, from: name.from, to: name.to,
        fromDate: startBound(name.from), untilDate: endBound(name.to, 'inclusive'), sources: name.sources,
      }));
    }
  }

  for (const l of pack.leaders.values()) {
    add('load/upsert-leaders', row(`Leader:${l.id}`, {
      id: l.id, name: l.name, aliases: l.aliases, aliasText: aliasText(l.aliases), wikidataId: l.wikidataId,
    }));
    for (const t of l.tenures) {
      // A nation's office keeps the key it always had; an organization's says so (ids and codes never collide,
      // but a reader of the key should not have to know that).
      const holder = t.nation ?? `organization/${t.organization}`;
      add('load/upsert-tenures', row(`held/${l.id}/${holder}/${t.office}/${t.from}`, {
        leader: l.id, nation: t.nation, organization: t.organization, office: t.office, from: t.from, to: t.to, acting: t.acting ?? false, note: t.note,
        fromDate: startBound(t.from), untilDate: endBound(t.to, 'exclusive'), sources: t.sources,
      }, `Leader:${l.id}`));
      caveats(l.id, 'Leader', t.caveats, `tenures.${t.office}.${t.from}.`);
    }
  }

  for (const t of pack.treaties.values()) planTreaty(t, add, caveats);

  for (const o of pack.organizations.values()) {
    add('load/upsert-organizations', row(`Organization:${o.id}`, {
      id: o.id, name: o.name, aliases: o.aliases, aliasText: aliasText(o.aliases), kind: o.kind, founded: o.founded,
      foundingTreaty: o.foundingTreaty, sources: o.sources,
    }));
    for (const m of o.members) {
      add('load/upsert-memberships', row(`member/${o.id}/${m.nation}/${m.from}`, {
        organization: o.id, nation: m.nation, from: m.from, to: m.to, note: m.note,
        fromDate: startBound(m.from), untilDate: endBound(m.to, 'exclusive'), sources: m.sources,
      }, `Nation:${m.nation}`));
    }
    for (const a of o.aspirants) {
      add('load/upsert-aspirations', row(`aspires/${o.id}/${a.nation}`, {
        organization: o.id, nation: a.nation, since: a.since, note: a.note, sources: a.sources,
      }, `Nation:${a.nation}`));
    }
  }

  for (const s of pack.statements.values()) {
    add('load/upsert-statements', row(`Statement:${s.id}`, {
      id: s.id, speaker: s.speaker, office: s.office, date: s.date, fromDate: startBound(s.date), place: s.place,
      summary: s.summary, quote: s.quote, aboutNations: s.about.nations, aboutTreaties: s.about.treaties,
      aboutOrganizations: s.about.organizations, sources: s.sources,
    }));
  }

  for (const v of pack.visits.values()) {
    add('load/upsert-visits', row(`Visit:${v.id}`, {
      id: v.id, leader: v.leader, host: v.host, from: v.from, to: v.to, place: v.place, summary: v.summary,
      fromDate: startBound(v.from), untilDate: endBound(v.to ?? v.from, 'inclusive'), sources: v.sources,
    }));
  }
  return plan;
}

type Add = (statement: Statement, r: PlannedRow) => void;
type Caveats = (owner: string, ownerLabel: string, list: readonly Caveat[], fieldPrefix?: string) => void;

function planTreaty(t: Treaty, add: Add, caveats: Caveats): void {
  const terminated = endBound(t.terminatedOn, 'exclusive');
  const expires = endBound(t.expiresOn, 'exclusive');
  const treatyUntil = earlierEnd(terminated, expires);
  const endReason = treatyUntil === null ? null : treatyUntil === terminated ? 'TERMINATED' : 'EXPIRED';
  const treatyFrom = startBound(t.enteredIntoForceOn);
  add('load/upsert-treaties', row(`Treaty:${t.id}`, {
    id: t.id, name: t.name, aliases: t.aliases, aliasText: aliasText(t.aliases), kind: t.kind, legalForm: t.legalForm,
    signedOn: t.signedOn, signedAt: t.signedAt, enteredIntoForceOn: t.enteredIntoForceOn,
    termYears: typeof t.term === 'object' ? t.term.years : null,
    termIndefinite: t.term === undefined ? null : t.term === 'indefinite',
    termExtendable: typeof t.term === 'object' ? (t.term.extendable ?? null) : null,
    expiresOn: t.expiresOn, terminatedOn: t.terminatedOn, terminationCause: t.terminationCause,
    articleCount: t.articleCount, summary: t.summary, atopId: t.externalIds?.atopId, untsNumber: t.externalIds?.untsNumber,
    fromDate: treatyFrom, untilDate: treatyUntil, endReason,
    signedFromDate: t.signedOn ? firstDay(t.signedOn) : null, signedToDate: t.signedOn ? lastDay(t.signedOn) : null,
    sources: t.sources,
    // The nations whose membership the seeds record: their record alone stands for it where an importer
    // (ATOP) holds the same treaty (docs/graph-model.md, "One membership, two records"). Written with the
    // treaty, so it changes exactly when the parties do.
    seededParties: t.parties.map((p) => p.nation),
  }));
  caveats(t.id, 'Treaty', t.caveats);

  for (const p of t.parties) {
    const from = startBound(p.inForceFrom ?? t.enteredIntoForceOn);
    add('load/upsert-parties', row(`party/${t.id}/${p.nation}`, {
      treaty: t.id, nation: p.nation, signedOn: p.signedOn, ratifiedOn: p.ratifiedOn, inForceFrom: p.inForceFrom, leftOn: p.leftOn,
      note: p.note, fromDate: from, untilDate: earlierEnd(endBound(p.leftOn, 'exclusive'), treatyUntil), sources: p.sources,
    }, `Nation:${p.nation}`));
    caveats(t.id, 'Treaty', p.caveats, `parties.${p.nation}.`);
  }
  for (const s of t.signatories) {
    add('load/upsert-signatories', row(`signed/${t.id}/${s.leader}/${s.nation}`, {
      treaty: t.id, leader: s.leader, office: s.office, nation: s.nation, signedOn: s.signedOn, sources: s.sources,
    }, `Leader:${s.leader}`));
  }
  t.provisions.forEach((p, position) => {
    const id = `${t.id}/${p.article}/${p.obligation}`;
    add('load/upsert-provisions', row(`Provision:${id}`, {
      id, treaty: t.id, article: p.article, obligation: p.obligation, summary: p.summary, quote: p.quote,
      obligors: p.obligors, beneficiaries: p.beneficiaries, position, sources: p.sources,
    }));
    caveats(id, 'Provision', p.caveats);
  });
  t.milestones.forEach((m, i) => {
    const id = `${t.id}/milestone/${m.on}/${i}`;
    add('load/upsert-milestones', row(`Milestone:${id}`, {
      id, treaty: t.id, date: m.on, nation: m.nation, summary: m.summary, fromDate: startBound(m.on), sources: m.sources,
    }));
  });
  for (const s of t.supersedes) {
    add('load/upsert-supersessions', row(`supersedes/${t.id}/${s.treaty}`, {
      treaty: t.id, superseded: s.treaty, on: s.on, note: s.note, sources: s.sources,
    }, `Treaty:${t.id}`));
  }
}
