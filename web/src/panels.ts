/** The side panel: a nation, a treaty, a leader or an organization, each rendered from one GraphQL answer. */
import type { Obligation } from '../../src/export/network.ts';
import { OBLIGATION_COLORS, OBLIGATION_LABELS } from '../../src/export/palette.ts';
import { formatDate } from './dates.ts';
import { h } from './dom.ts';
import type { AllianceInfo, LeaderResult, LeaderRole, NationRef, NationResult, OrganizationRef, OrganizationResult, SourceInfo, TreatyResult } from './queries.ts';

export interface PanelLinks {
  nation(code: string): void;
  treaty(id: string): void;
  leader(id: string): void;
  organization(id: string): void;
}

function link(text: string, onClick: () => void, testId?: string): HTMLAnchorElement {
  return h('a', { href: '#', 'data-testid': testId, onclick: (e: Event) => { e.preventDefault(); onClick(); } }, text);
}

function obligationBadge(o: Obligation): HTMLElement {
  return h('span', { class: 'badge', style: `background:${OBLIGATION_COLORS[o]}` }, OBLIGATION_LABELS[o]);
}

function section(title: string, ...content: (Node | null)[]): HTMLElement {
  return h('section', {}, h('h3', {}, title), ...content);
}

function empty(text: string): HTMLElement {
  return h('p', { class: 'muted' }, text);
}

function dates(pairs: [string, string | null | undefined][]): HTMLElement {
  return h('dl', { class: 'dates' }, pairs.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, formatDate(v))]));
}

function alliances(list: AllianceInfo[], links: PanelLinks, testId: string): HTMLElement {
  if (list.length === 0) return empty('None at this date.');
  return h('ul', { class: 'alliances', 'data-testid': testId },
    [...list].sort((x, y) => x.nation.name.localeCompare(y.nation.name)).map((a) =>
      h('li', {},
        h('div', {}, link(a.nation.name, () => links.nation(a.nation.code)), ' ', a.obligations.map(obligationBadge)),
        h('ul', { class: 'treaties' }, a.treaties.map((t) => {
          const articles = a.provisions.filter((p) => p.treaty.id === t.id);
          return h('li', {},
            link(t.name, () => links.treaty(t.id)),
            articles.length > 0 ? h('ul', { class: 'articles' }, articles.map((p) =>
              h('li', {}, h('b', {}, `Art. ${p.article}`), ' ', obligationBadge(p.obligation), p.summary ? ` ${p.summary}` : ''))) : null,
          );
        })),
      ),
    ),
  );
}

function sources(list: SourceInfo[]): HTMLElement {
  if (list.length === 0) return empty('None.');
  return h('ul', { class: 'sources' }, list.map((s) => {
    const label = [s.publisher, s.title].filter(Boolean).join(': ') || s.url || 'source';
    return h('li', {}, s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, label) : label, s.publishedOn ? ` (${formatDate(s.publishedOn)})` : '');
  }));
}

/** "1949 – now"; an end that is over but unknown (a tenure's `endUnknown`) shows as "?", not "now". */
function span(from: string | null, to: string | null, endUnknown = false): string {
  return `${formatDate(from) || '?'} – ${formatDate(to) || (endUnknown ? '?' : 'now')}`;
}

export function nationPanel(data: NationResult, asOf: string, links: PanelLinks): HTMLElement {
  const n = data.nation;
  if (!n) return h('div', {}, h('h2', {}, 'Unknown nation'), empty('No nation has this code.'));
  const timeline = [...data.timeline].sort((x, y) => x.date.localeCompare(y.date));
  const eventLink = (e: (typeof timeline)[number]) =>
    e.treaty ? link(e.summary, () => links.treaty(e.treaty!.id))
    : e.leader ? link(e.summary, () => links.leader(e.leader!.id))
    : e.organization ? link(e.summary, () => links.organization(e.organization!.id))
    : e.summary;
  return h('div', { 'data-testid': 'nation-panel', 'data-code': n.code },
    // Named as it was at the date (the USSR in 1961), with today's name beside it.
    h('h2', {}, n.nameThen),
    h('p', { class: 'muted' }, [n.nameThen !== n.name ? `now ${n.name}` : null, n.code, n.region, n.cowCode ? `COW ${n.cowCode}` : null].filter(Boolean).join(' · ')),
    h('p', { class: 'asof' }, `As of ${formatDate(asOf)}`),
    section('Leaders', n.leaders.length === 0 ? empty('None recorded at this date.') : h('ul', { 'data-testid': 'leaders' }, n.leaders.map((t) =>
      h('li', {}, link(t.leader.name, () => links.leader(t.leader.id)), `, ${officeText(t)}`, h('span', { class: 'muted' }, ` since ${formatDate(t.from) || '?'}`))))),
    section(`Allies (${data.alliesOf.length})`, alliances(data.alliesOf, links, 'allies')),
    section(`Must defend it (${data.defendersOf.length})`, alliances(data.defendersOf, links, 'defenders')),
    section('Organizations', n.organizations.length === 0 ? empty('None at this date.') : h('ul', {}, n.organizations.map((m) =>
      h('li', {}, link(m.organization.name, () => links.organization(m.organization.id)), h('span', { class: 'muted' }, ` since ${formatDate(m.from) || '?'}`))))),
    section('Timeline', timeline.length === 0 ? empty('No events.') : h('ol', { class: 'timeline' }, timeline.map((e) =>
      h('li', {}, h('time', {}, formatDate(e.date)), ' ', eventLink(e))))),
  );
}

type PartyRecord = NonNullable<TreatyResult['treaty']>['parties'][number];

/**
 * One row per nation. A member can have several records: one per source (the seeds and ATOP for NATO), and in
 * ATOP one per phase of the alliance. Only the records the API marks `standing` count: where the seeds record
 * the member, theirs, as in every answer that names no source (ATOP dates an alliance from its signature). The row
 * takes the earliest dates, and a departure only when every record has one (the latest). A record without its
 * own entry took part from the treaty's entry into force (README, "What the answers mean").
 */
export function partiesByNation(parties: readonly PartyRecord[], enteredIntoForceOn: string | null): PartyRecord[] {
  const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);
  const rows = new Map<string, PartyRecord & { open: boolean }>();
  for (const p of parties) {
    if (!p.standing) continue;
    const inForceFrom = p.inForceFrom ?? enteredIntoForceOn;
    const row = rows.get(p.nation.code);
    if (!row) {
      rows.set(p.nation.code, { ...p, inForceFrom, open: p.leftOn === null });
      continue;
    }
    row.signedOn = earliest(row.signedOn, p.signedOn);
    row.ratifiedOn = earliest(row.ratifiedOn, p.ratifiedOn);
    row.inForceFrom = earliest(row.inForceFrom, inForceFrom);
    row.open ||= p.leftOn === null;
    row.leftOn = row.open ? null : row.leftOn! >= p.leftOn! ? row.leftOn : p.leftOn;
  }
  return [...rows.values()].map(({ open: _open, ...row }) => row);
}

export function treatyPanel(data: TreatyResult, links: PanelLinks): HTMLElement {
  const t = data.treaty;
  if (!t) return h('div', {}, h('h2', {}, 'Unknown treaty'), empty('No treaty has this id.'));
  const members = partiesByNation(t.parties, t.enteredIntoForceOn);
  return h('div', { 'data-testid': 'treaty-panel', 'data-id': t.id },
    h('h2', {}, t.name),
    h('p', { class: 'muted' }, [t.kind, t.status.replace(/_/g, ' ').toLowerCase()].filter(Boolean).join(' · ')),
    t.summary ? h('p', {}, t.summary) : null,
    dates([['Signed', t.signedOn], ['In force', t.enteredIntoForceOn], ['Expires', t.expiresOn], ['Terminated', t.terminatedOn]]),
    t.signedAt ? h('p', {}, `Signed at ${t.signedAt}`) : null,
    t.terminationCause ? h('p', {}, `Ended: ${t.terminationCause}`) : null,
    section(`Parties (${members.length})`, h('table', { class: 'parties' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Nation'), h('th', {}, 'Signed'), h('th', {}, 'Ratified'), h('th', {}, 'In force'), h('th', {}, 'Left'))),
      h('tbody', {}, members.map((p) => h('tr', {},
        h('td', {}, link(p.nation.name, () => links.nation(p.nation.code))),
        h('td', {}, formatDate(p.signedOn)), h('td', {}, formatDate(p.ratifiedOn)), h('td', {}, formatDate(p.inForceFrom)), h('td', {}, formatDate(p.leftOn)))))),
      members.length < t.parties.length ? h('p', { class: 'muted' }, `One row per nation, from ${t.parties.length} records (several sources, or ATOP's phases).`) : null),
    section('Signatories', t.signatories.length === 0 ? empty('Not recorded.') : h('ul', {}, t.signatories.map((s) =>
      h('li', {}, s.leader ? link(s.leader.name, () => links.leader(s.leader!.id)) : 'Unknown', s.office ? `, ${s.office}` : '', ` (${s.nation.name})`, s.signedOn ? `, ${formatDate(s.signedOn)}` : '')))),
    section('Provisions', t.provisions.length === 0 ? empty('Not recorded.') : h('ol', { class: 'provisions' }, t.provisions.map((p) =>
      h('li', {}, h('b', {}, `Article ${p.article}`), ' ', obligationBadge(p.obligation),
        p.summary ? h('p', {}, p.summary) : null,
        p.quote ? h('blockquote', {}, p.quote) : null)))),
    t.milestones.length === 0 ? null : section('Milestones', h('ol', { class: 'timeline' }, [...t.milestones].sort((x, y) => x.date.localeCompare(y.date)).map((m) =>
      h('li', {}, h('time', {}, formatDate(m.date)), ' ', m.summary)))),
    t.caveats.length === 0 ? null : section('Caveats', h('ul', { class: 'caveats' }, t.caveats.map((c) =>
      h('li', {}, h('b', {}, c.kind === 'CONFLICT' ? 'Sources disagree' : 'Unverified'), ` on ${c.field}: ${c.note}`, c.alternative ? ` (other value: ${c.alternative})` : '')))),
    t.supersedes.length + t.supersededBy.length > 0 ? section('Related',
      h('ul', {},
        t.supersedes.map((s) => h('li', {}, 'Supersedes ', link(s.name, () => links.treaty(s.id)))),
        t.supersededBy.map((s) => h('li', {}, 'Superseded by ', link(s.name, () => links.treaty(s.id)))))) : null,
    section('Sources', sources(t.sources)),
  );
}

export function leaderPanel(data: LeaderResult, links: PanelLinks): HTMLElement {
  const l = data.leader;
  if (!l) return h('div', {}, h('h2', {}, 'Unknown leader'), empty('No leader has this id.'));
  const tenures = [...l.tenures].sort((x, y) => (x.from ?? '').localeCompare(y.from ?? ''));
  return h('div', { 'data-testid': 'leader-panel' },
    h('h2', {}, l.name),
    l.wikidataId ? h('p', {}, h('a', { href: `https://www.wikidata.org/wiki/${l.wikidataId}`, target: '_blank', rel: 'noopener noreferrer' }, l.wikidataId)) : null,
    section('Offices', h('ul', {}, tenures.map((t) =>
      h('li', {}, `${officeText(t)}, `, holderLink(t, links), h('span', { class: 'muted' }, ` ${span(t.from, t.to, t.endUnknown)}`))))),
  );
}

const ROLE_WORDS: Record<LeaderRole, string> = { HEAD_OF_STATE: 'head of state', HEAD_OF_GOVERNMENT: 'head of government' };

/**
 * An office as a reader wants it: "President of the United States (head of state and government)", "Premier
 * (acting)". A role the office's name already says (Wikidata's "head of state") is not said twice.
 */
export function officeText(t: { office: string; roles: LeaderRole[]; acting: boolean | null }): string {
  const roles = t.roles.map((r) => ROLE_WORDS[r]).filter((words) => words !== t.office);
  const notes = [roles.length === 2 ? 'head of state and government' : roles[0], t.acting ? 'acting' : undefined].filter(Boolean);
  return notes.length === 0 ? t.office : `${t.office} (${notes.join(', ')})`;
}

/** The nation or organization whose office a tenure is, as a link to its panel. */
function holderLink(t: { nation: NationRef | null; organization: OrganizationRef | null }, links: PanelLinks): HTMLElement | string {
  if (t.nation) return link(t.nation.name, () => links.nation(t.nation!.code));
  if (t.organization) return link(t.organization.name, () => links.organization(t.organization!.id));
  return '';
}

export function organizationPanel(data: OrganizationResult, asOf: string, links: PanelLinks): HTMLElement {
  const o = data.organization;
  if (!o) return h('div', {}, h('h2', {}, 'Unknown organization'), empty('No organization has this id.'));
  return h('div', { 'data-testid': 'organization-panel' },
    h('h2', {}, o.name),
    h('p', { class: 'muted' }, [o.kind, o.founded ? `founded ${formatDate(o.founded)}` : null].filter(Boolean).join(' · ')),
    o.foundingTreaty ? h('p', {}, 'Founding treaty: ', link(o.foundingTreaty.name, () => links.treaty(o.foundingTreaty!.id))) : null,
    section(`Members on ${formatDate(asOf)} (${o.members.length})`, o.members.length === 0 ? empty('None.') : h('ul', {}, [...o.members].sort((x, y) => x.nation.name.localeCompare(y.nation.name)).map((m) =>
      h('li', {}, link(m.nation.name, () => links.nation(m.nation.code)), h('span', { class: 'muted' }, ` ${span(m.from, m.to)}`))))),
    o.aspirants.length === 0 ? null : section('Aspirants', h('ul', {}, o.aspirants.map((a) =>
      h('li', {}, link(a.nation.name, () => links.nation(a.nation.code)), a.since ? ` since ${formatDate(a.since)}` : '', a.note ? `: ${a.note}` : '')))),
    o.tenures.length === 0 ? null : section('Office holders', h('ul', { 'data-testid': 'office-holders' }, o.tenures.map((t) =>
      h('li', {}, `${t.office}: `, link(t.leader.name, () => links.leader(t.leader.id)), h('span', { class: 'muted' }, ` ${span(t.from, t.to)}`))))),
    section('Sources', sources(o.sources)),
  );
}

export function loadingPanel(): HTMLElement {
  return h('p', { class: 'muted' }, 'Loading…');
}

export function errorPanel(message: string): HTMLElement {
  return h('div', { class: 'error' }, h('h2', {}, 'Could not load'), h('p', {}, message));
}
