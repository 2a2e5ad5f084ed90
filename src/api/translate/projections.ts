/**
 * Stage 3, transpile: every GraphQL object type as a Cypher projection, a list of its selected fields' values
 * (`shape` keys them again once they arrive). A field is a property, a computed expression, or a subquery
 * (`COLLECT { ... }`) over the graph from its parent's variables, so a whole selection, however deep, becomes
 * one Cypher query and one round trip.
 *
 * A type is projected from a binding: the Cypher variables that hold it (a node type has `node`; a
 * relationship-shaped type such as Party has `rel` and its two ends). Fragments shared with root fields
 * (allies, defenders, timeline) come from `cypher/api/` and run inside `CALL (...) { ... }` so that their
 * variable names stay their own.
 */
import neo4j from 'neo4j-driver';
import { cypher } from '../../graph/cypher.ts';
import { put } from '../response-object.ts';
import type { Translation } from './context.ts';
import type { FieldSel } from './selection.ts';

export type Binding = Record<string, string>;
type FieldCompiler = (b: Binding, f: FieldSel, tr: Translation) => string;

/** The canonical order of obligations, used to sort every list of them. */
export const OBLIGATION_ORDER = "['DEFENSE', 'OFFENSE', 'NEUTRALITY', 'NON_AGGRESSION', 'CONSULTATION', 'OTHER']";

export function dateValue(text: string): neo4j.Date<number> {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/** A date argument as a parameter; `fallback` (usually today) when it was not given. */
export function dateParam(tr: Translation, text: unknown, fallback: string | null): string {
  const value = typeof text === 'string' ? text : fallback;
  return tr.param(value === null ? null : dateValue(value));
}

/**
 * A value of `type` as a Cypher list of its selected fields' values, in the selection's order: positions, not
 * keys, travel from Neo4j (the driver decodes a list at about half the cost of a map with the same values, and
 * response aliases stay out of the Cypher, so renaming one does not make Neo4j plan the query again).
 * `shape` below puts the response keys back. `__typename` is the type's name and does not travel.
 */
export function project(type: string, b: Binding, fields: FieldSel[], tr: Translation): string {
  const compilers = TYPES[type];
  if (!compilers) throw new Error(`no projection for type ${type}`);
  const entries: string[] = [];
  for (const f of fields) {
    if (f.name === '__typename') continue;
    const compile = compilers[f.name];
    if (!compile) throw new Error(`no projection for ${type}.${f.name}`);
    entries.push(compile(b, f, tr));
  }
  return `[${entries.join(', ')}]`;
}

/** The answer to field `f` from its projected value: objects keyed by response key again, the rest as it came. */
export function shape(value: unknown, f: FieldSel): unknown {
  if (value === null || value === undefined || !Object.hasOwn(TYPES, f.type)) return value;
  if (!f.list) return keyed(value as unknown[], f.type, f.fields);
  return (value as unknown[]).map((item) => (item === null ? null : keyed(item as unknown[], f.type, f.fields)));
}

/** One object of `type` from its projection: the value at each position under its field's response key. */
export function keyed(values: unknown[], type: string, fields: FieldSel[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let i = 0;
  for (const f of fields) put(out, f.alias, f.name === '__typename' ? type : shape(values[i++], f));
  return out;
}

const prop = (name: string): FieldCompiler => (b) => `${b.node}.${name}`;
const relProp = (name: string): FieldCompiler => (b) => `${b.rel}.${name}`;

/**
 * Whether membership `r` of `nation` in `treaty` goes on in a later row from the same source (`later`), or
 * goes on from an earlier one (`earlier`). ATOP codes each phase of an alliance, and a member in it, as a row
 * of its own: France's NATO row for phase 1 ends on 1951-06-19, the day its phase-2 row starts. That end is
 * no departure and that start no signature; the rows stay apart, so each phase keeps its coding and dates.
 */
function continuation(side: 'later' | 'earlier', b: Binding, tr: Translation): string {
  const [r, o] = [b.rel!, tr.fresh('row')];
  const other = side === 'later'
    ? `${o}.fromDate > ${r}.fromDate AND ${o}.fromDate <= ${r}.untilDate`
    : `${o}.fromDate < ${r}.fromDate AND ${o}.untilDate >= ${r}.fromDate`;
  return `EXISTS { MATCH (${b.nation})-[${o}:PARTY_TO]->(${b.treaty}) WHERE ${o} <> ${r} AND ${o}.origin = ${r}.origin AND ${other} }`;
}
const listProp = (name: string): FieldCompiler => (b) => `coalesce(${b.node}.${name}, [])`;

/**
 * A list of nodes reached by `match` from the binding, each once, in `order`, projected as `type`. The
 * duplicates (a node reached by several relationships) are dropped by `reduce`, not by DISTINCT: a DISTINCT
 * inside a nested subquery keeps the outer row with each result, and an outer row can hold a whole network.
 */
function nodes(tr: Translation, f: FieldSel, type: string, match: (x: string) => string, order: (x: string) => string): string {
  const [x, y] = [tr.fresh(type.toLowerCase()), tr.fresh(type.toLowerCase())];
  const found = `COLLECT { ${match(x)} WITH ${x} ORDER BY ${order(x)} RETURN ${x} }`;
  return `[${y} IN reduce(seen = [], n IN ${found} | CASE WHEN n IN seen THEN seen ELSE seen + n END) | ${project(type, { node: y }, f.fields, tr)}]`;
}

/** One node (or null) reached by `match`. */
function node(tr: Translation, f: FieldSel, type: string, match: (x: string) => string): string {
  const x = tr.fresh(type.toLowerCase());
  return `head(COLLECT { ${match(x)} WITH ${x} LIMIT 1 RETURN ${project(type, { node: x }, f.fields, tr)} })`;
}

/** The sources whose ids are in `ids` (a Cypher list), in id order. */
const sourcesById = (tr: Translation, f: FieldSel, ids: string): string =>
  nodes(tr, f, 'Source', (s) => `MATCH (${s}:Source) WHERE ${s}.id IN ${ids}`, (s) => `${s}.id`);

/** The sources whose ids a node or relationship lists in its `sources` property. */
const sourcesOf = (holder: 'node' | 'rel'): FieldCompiler => (b, f, tr) => sourcesById(tr, f, `coalesce(${b[holder]}.sources, [])`);

/** The sources a node cites through CITES relationships. */
const cited: FieldCompiler = (b, f, tr) =>
  nodes(tr, f, 'Source', (s) => `MATCH (${b.node})-[:CITES]->(${s}:Source)`, (s) => `${s}.id`);

const caveatsOf: FieldCompiler = (b, f, tr) =>
  nodes(tr, f, 'Caveat', (c) => `MATCH (${b.node})-[:HAS_CAVEAT]->(${c}:Caveat)`, (c) => `${c}.field, ${c}.id`);

/** In force on the day held by `day` (a Cypher expression), for something with fromDate/untilDate. */
export function inForce(x: string, day: string): string {
  return `(${x}.fromDate <= ${day} AND (${x}.untilDate IS NULL OR ${x}.untilDate > ${day}))`;
}

/**
 * Whether membership record `r` of the nation whose code is `code` (Cypher expressions) in treaty `t` counts
 * for questions that name no source: where the seeds record a membership, their record alone stands for it,
 * and an imported record of the same membership (ATOP's) counts only under a `source` filter. The same test
 * is written into cypher/api/ (allies.cypher and the rest); docs/graph-model.md, "One membership, two records".
 */
export function recordStands(r: string, code: string, t: string): string {
  return `(${r}.origin = 'seed' OR NOT ${code} IN coalesce(${t}.seededParties, []))`;
}

/**
 * Whether tenure `w` is Wikidata's record of seeded tenure `s` (both of one leader and one holder): the very
 * same spell, with the same start and end as the seeds give them. Such a record is not listed on its own; the
 * seeded tenure carries its role (`Tenure.roles`) and its source. A record whose end Wikidata does not know
 * (`endUnknown`) is never one: where the seeds say a spell goes on and Wikidata's current holders do not
 * list the leader, both records stay in view. cypher/api/timeline.cypher writes the same test.
 */
function recordsSeededSpell(w: string, s: string): string {
  return `(${w}.origin = 'wikidata' AND ${w}.endUnknown IS NULL AND ${s}.origin = 'seed' AND ${w}.from = ${s}.from AND coalesce(${w}.to, '') = coalesce(${s}.to, ''))`;
}

/** Whether tenure `r` of leader `l` and holder `n` is listed: not Wikidata's record of a spell the seeds hold. */
function tenureListed(r: string, l: string, n: string, tr: Translation): string {
  const s = tr.fresh('seeded');
  return `NOT EXISTS { MATCH (${l})-[${s}:HELD]->(${n}) WHERE ${recordsSeededSpell(r, s)} }`;
}

/** Wikidata's records of seeded tenure `r` (leader `l`, holder `n`), as a COLLECT of `value(w)`; [] for any other tenure. */
function seededSpellRecords(b: Binding, tr: Translation, value: (w: string) => string): string {
  const w = tr.fresh('record');
  return `CASE WHEN ${b.rel}.origin = 'seed' THEN COLLECT { MATCH (${b.leader})-[${w}:HELD]->(${holderOf(b)}) WHERE ${recordsSeededSpell(w, b.rel!)} ${value(w)} } ELSE [] END`;
}

/** The variable of a tenure's nation or organization. */
function holderOf(b: Binding): string {
  return (b.nation ?? b.organization ?? b.holder)!;
}

/** The role a Wikidata tenure records, by its office (the import writes "head of state" or "head of government"). */
const roleOfOffice = (r: string) => `CASE ${r}.office WHEN 'head of state' THEN 'HEAD_OF_STATE' WHEN 'head of government' THEN 'HEAD_OF_GOVERNMENT' END`;

/**
 * The tenures of the offices of one nation or organization (`where`, holding its variable), earliest first;
 * with `day` (a Cypher expression), those held on that day: begun, not ended, and with a known end (a tenure
 * whose end is unknown, `endUnknown`, is on no day).
 */
function officesOf(where: { nation: string } | { organization: string }, f: FieldSel, tr: Translation, day: string | null): string {
  const holder = 'nation' in where ? where.nation : where.organization;
  const [r, l] = [tr.fresh('held'), tr.fresh('leader')];
  const when = ` WHERE ${day === null ? '' : `${inForce(r, day)} AND ${r}.endUnknown IS NULL AND `}${tenureListed(r, l, holder, tr)}`;
  return `COLLECT { MATCH (${l}:Leader)-[${r}:HELD]->(${holder})${when} WITH ${r}, ${l} ORDER BY ${r}.fromDate, ${l}.name, ${r}.office RETURN ${project('Tenure', { rel: r, leader: l, ...where }, f.fields, tr)} }`;
}

/**
 * A tenure's nation or organization. The binding names it when the query came from that side; from a leader it
 * holds `holder`, either of the two, and the label decides.
 */
function holderAs(type: 'Nation' | 'Organization', side: 'nation' | 'organization', b: Binding, f: FieldSel, tr: Translation): string {
  if (b[side]) return project(type, { node: b[side] }, f.fields, tr);
  if (!b.holder) return 'null';
  return `CASE WHEN ${b.holder}:${type} THEN ${project(type, { node: b.holder }, f.fields, tr)} END`;
}

/** Obligations of provisions of the treaties in list `treaties`, optionally only those in `only`. */
function obligationsOfTreaties(tr: Translation, treaties: string, only: string | null): string {
  const [o, t, p] = [tr.fresh('o'), tr.fresh('treaty'), tr.fresh('provision')];
  const keep = only ? ` AND (${only} IS NULL OR ${o} IN ${only})` : '';
  return `[${o} IN ${OBLIGATION_ORDER} WHERE ${o} IN COLLECT { UNWIND ${treaties} AS ${t} MATCH (${t})-[:HAS_PROVISION]->(${p}:Provision) RETURN ${p}.obligation }${keep}]`;
}

/** A list of treaties held in a Cypher list variable, projected in order. */
function treatyList(tr: Translation, f: FieldSel, list: string): string {
  const t = tr.fresh('treaty');
  return `COLLECT { UNWIND ${list} AS ${t} WITH ${t} ORDER BY ${t}.signedFromDate, ${t}.id RETURN ${project('Treaty', { node: t }, f.fields, tr)} }`;
}

function provisionList(tr: Translation, f: FieldSel, list: string): string {
  const p = tr.fresh('provision');
  return `COLLECT { UNWIND ${list} AS ${p} WITH ${p} ORDER BY ${p}.treaty, ${p}.position, ${p}.id RETURN ${project('Provision', { node: p }, f.fields, tr)} }`;
}

const fragments = new Map<string, string>();

/** A fragment of `cypher/api/` without its comment lines, ready to be spliced into a larger query. */
export function fragment(name: string): string {
  let text = fragments.get(name);
  if (text === undefined) {
    text = cypher(name)
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n');
    fragments.set(name, text);
  }
  return text;
}

/**
 * Runs a fragment of `cypher/api/` inside CALL with its inputs bound to the names it expects, and returns
 * the names its outputs were renamed to.
 */
export function fragmentCall(
  tr: Translation,
  name: string,
  inputs: Record<string, string>,
  outputs: readonly string[],
  /** Rewrites or wraps the fragment's text (a bound Cypher takes no parameter for, a grouping); never with user values. */
  rewrite: (text: string) => string = (text) => text,
): { call: string; out: Record<string, string> } {
  const imported = Object.values(inputs).filter((v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) && !/^(null|true|false)$/i.test(v));
  const binds = Object.entries(inputs).map(([as, expr]) => `${expr} AS ${as}`);
  const out = Object.fromEntries(outputs.map((o) => [o, tr.fresh(o)]));
  const call = `CALL (${[...new Set(imported)].join(', ')}) { WITH ${binds.join(', ')}\n${rewrite(fragment(name))}\nRETURN ${outputs.map((o) => `${o} AS ${out[o]}`).join(', ')} }`;
  return { call, out };
}

/**
 * The rows of `api/allies` or `api/defenders` grouped by partner: by one aggregation at the root of a query,
 * in lists inside a projection, where Neo4j 5 refuses aggregating functions.
 */
function partnersCall(tr: Translation, name: string, inputs: Record<string, string>, atRoot: boolean) {
  return fragmentCall(tr, name, inputs, ['partner', 'treaties', 'provisions', 'since'], (rows) =>
    atRoot
      ? `${rows}\n${fragment('api/partner-rows')}`
      : `WITH COLLECT { ${rows}\nRETURN [partner, t, p, start[1]] AS row } AS rows\n${fragment('api/partner-rows-nested')}`,
  );
}

/** Alliance rows from the allies fragment, projected. */
export function alliancesFrom(tr: Translation, f: FieldSel, me: string, asOf: string, obligations: string, atRoot = false): string {
  const { call, out } = partnersCall(tr, 'api/allies', { me, asOf, obligations }, atRoot);
  return `COLLECT { ${call} RETURN ${project('Alliance', { nation: out.partner!, treaties: out.treaties!, since: out.since!, obligations }, f.fields, tr)} }`;
}

export function defendersFrom(tr: Translation, f: FieldSel, me: string, asOf: string, atRoot = false): string {
  const { call, out } = partnersCall(tr, 'api/defenders', { me, asOf }, atRoot);
  return `COLLECT { ${call} RETURN ${project('Alliance', { nation: out.partner!, treaties: out.treaties!, provisions: out.provisions!, since: out.since!, obligations: "['DEFENSE']" }, f.fields, tr)} }`;
}

/** Timeline events of nation `me`, within [from, to] (text dates or null), in date order. */
export function timelineFrom(tr: Translation, f: FieldSel, me: string, during: { from?: string | null; to?: string | null } | null | undefined): string {
  const { call, out } = fragmentCall(tr, 'api/timeline', { me }, ['date', 'kind', 'summary', 'treaty', 'leader', 'organization']);
  const from = tr.param(during?.from ?? null);
  const to = tr.param(during?.to ?? null);
  // A partial date overlaps the range when its first day is on or before `to` and its last day on or
  // after `from`; ISO text compares in date order, and padding reaches the last possible day.
  const last = `CASE size(${out.date}) WHEN 4 THEN ${out.date} + '-12-31' WHEN 7 THEN ${out.date} + '-31' ELSE ${out.date} END`;
  return `COLLECT { ${call} WITH * WHERE ${out.date} IS NOT NULL AND (${to} IS NULL OR ${out.date} <= ${to}) AND (${from} IS NULL OR ${last} >= ${from}) ` +
    `WITH * ORDER BY ${out.date}, ${out.kind}, ${out.summary} ` +
    `RETURN ${project('Event', { date: out.date!, kind: out.kind!, summary: out.summary!, treaty: out.treaty!, leader: out.leader!, organization: out.organization!, nation: me }, f.fields, tr)} }`;
}

/** A nullable node variable projected, or null. */
function maybe(type: string, variable: string, f: FieldSel, tr: Translation): string {
  return `CASE WHEN ${variable} IS NULL THEN null ELSE ${project(type, { node: variable }, f.fields, tr)} END`;
}

const TYPES: Record<string, Record<string, FieldCompiler>> = {
  Nation: {
    code: prop('code'),
    name: prop('name'),
    cowCode: prop('cowCode'),
    region: prop('region'),
    aliases: listProp('aliases'),
    periods: (b, f, tr) => nodes(tr, f, 'NationPeriod', (x) => `MATCH (${b.node})-[:EXISTED]->(${x}:Period)`, (x) => `${x}.fromDate`),
    historicalNames: (b, f, tr) => nodes(tr, f, 'NationName', (x) => `MATCH (${b.node})-[:NAMED]->(${x}:NationName)`, (x) => `${x}.fromDate, ${x}.name`),
    nameOn: (b, f, tr) => {
      const day = dateParam(tr, f.args.asOf, tr.today);
      const x = tr.fresh('name');
      // The latest-starting historical name covering the day, else the present name.
      return `coalesce(head(COLLECT { MATCH (${b.node})-[:NAMED]->(${x}:NationName) WHERE ${inForce(x, day)} RETURN ${x}.name ORDER BY ${x}.fromDate DESC, ${x}.name }), ${b.node}.name)`;
    },
    parties: (b, f, tr) => {
      const [r, t] = [tr.fresh('party'), tr.fresh('treaty')];
      return `COLLECT { MATCH (${b.node})-[${r}:PARTY_TO]->(${t}:Treaty) WITH ${r}, ${t} ORDER BY ${r}.fromDate, ${t}.id RETURN ${project('Party', { rel: r, nation: b.node!, treaty: t }, f.fields, tr)} }`;
    },
    treaties: (b, f, tr) => {
      const day = dateParam(tr, f.args.asOf, null);
      const obligation = tr.param(f.args.obligation ?? null);
      return nodes(tr, f, 'Treaty', (t) => {
        const r = tr.fresh('party');
        return `MATCH (${b.node})-[${r}:PARTY_TO]->(${t}:Treaty) WHERE (${day} IS NULL OR (${inForce(r, day)} AND ${inForce(t, day)} AND ${recordStands(r, `${b.node}.code`, t)})) ` +
          `AND (${obligation} IS NULL OR EXISTS { MATCH (${t})-[:HAS_PROVISION]->(:Provision {obligation: ${obligation}}) })`;
      }, (t) => `${t}.signedFromDate, ${t}.id`);
    },
    allies: (b, f, tr) => alliancesFrom(tr, f, b.node!, dateParam(tr, f.args.asOf, tr.today), tr.param(f.args.obligations ?? null)),
    defenders: (b, f, tr) => defendersFrom(tr, f, b.node!, dateParam(tr, f.args.asOf, tr.today)),
    leaders: (b, f, tr) => officesOf({ nation: b.node! }, f, tr, dateParam(tr, f.args.asOf, tr.today)),
    tenures: (b, f, tr) => officesOf({ nation: b.node! }, f, tr, null),
    organizations: (b, f, tr) => {
      const day = dateParam(tr, f.args.asOf, null);
      const [r, o] = [tr.fresh('member'), tr.fresh('org')];
      return `COLLECT { MATCH (${b.node})-[${r}:MEMBER_OF]->(${o}:Organization) WHERE ${day} IS NULL OR ${inForce(r, day)} WITH ${r}, ${o} ORDER BY ${r}.fromDate, ${o}.name RETURN ${project('Membership', { rel: r, nation: b.node!, organization: o }, f.fields, tr)} }`;
    },
    aspirations: (b, f, tr) => {
      const [r, o] = [tr.fresh('aspires'), tr.fresh('org')];
      return `COLLECT { MATCH (${b.node})-[${r}:ASPIRES_TO]->(${o}:Organization) WITH ${r}, ${o} ORDER BY ${o}.name RETURN ${project('Aspiration', { rel: r, nation: b.node!, organization: o }, f.fields, tr)} }`;
    },
    statements: (b, f, tr) => nodes(tr, f, 'Statement', (s) => `MATCH (${s}:Statement)-[:ABOUT]->(${b.node})`, (s) => `${s}.date, ${s}.id`),
    timeline: (b, f, tr) => timelineFrom(tr, f, b.node!, f.args.during as { from?: string; to?: string } | undefined),
  },
  NationPeriod: { from: prop('from'), to: prop('to') },
  NationName: { name: prop('name'), from: prop('from'), to: prop('to') },
  Treaty: {
    id: prop('id'),
    name: prop('name'),
    aliases: listProp('aliases'),
    kind: prop('kind'),
    legalForm: prop('legalForm'),
    signedOn: prop('signedOn'),
    signedAt: prop('signedAt'),
    enteredIntoForceOn: prop('enteredIntoForceOn'),
    termYears: prop('termYears'),
    indefinite: prop('termIndefinite'),
    expiresOn: prop('expiresOn'),
    terminatedOn: prop('terminatedOn'),
    terminationCause: prop('terminationCause'),
    articleCount: prop('articleCount'),
    summary: prop('summary'),
    atopId: prop('atopId'),
    cow4Id: prop('cow4Id'),
    untsNumber: prop('untsNumber'),
    status: (b, f, tr) => {
      const day = dateParam(tr, f.args.asOf, tr.today);
      const t = b.node;
      // A treaty whose own entry into force is unknown is in force by the dates of its memberships.
      const [r, n] = [tr.fresh('party'), tr.fresh('nation')];
      const byMembers = `(${t}.fromDate IS NULL AND (${t}.untilDate IS NULL OR ${t}.untilDate > ${day}) AND EXISTS { MATCH (${n}:Nation)-[${r}:PARTY_TO]->(${t}) WHERE ${inForce(r, day)} AND ${recordStands(r, `${n}.code`, t!)} })`;
      return `CASE WHEN ${inForce(t!, day)} OR ${byMembers} THEN 'IN_FORCE' WHEN ${t}.untilDate IS NOT NULL AND ${t}.untilDate <= ${day} THEN coalesce(${t}.endReason, 'TERMINATED') ELSE 'NOT_IN_FORCE' END`;
    },
    obligations: (b, _f, tr) => obligationsOfTreaties(tr, `[${b.node}]`, null),
    parties: (b, f, tr) => {
      const [r, n] = [tr.fresh('party'), tr.fresh('nation')];
      return `COLLECT { MATCH (${n}:Nation)-[${r}:PARTY_TO]->(${b.node}) WITH ${r}, ${n} ORDER BY ${r}.fromDate, ${n}.name, ${r}.origin RETURN ${project('Party', { rel: r, nation: n, treaty: b.node! }, f.fields, tr)} }`;
    },
    signatories: (b, f, tr) => {
      const [r, l] = [tr.fresh('signed'), tr.fresh('leader')];
      return `COLLECT { MATCH (${l}:Leader)-[${r}:SIGNED]->(${b.node}) WITH ${r}, ${l} ORDER BY ${r}.signedOn, ${r}.nation RETURN ${project('Signatory', { rel: r, leader: l, treaty: b.node! }, f.fields, tr)} }`;
    },
    provisions: (b, f, tr) => nodes(tr, f, 'Provision', (p) => `MATCH (${b.node})-[:HAS_PROVISION]->(${p}:Provision)`, (p) => `${p}.origin DESC, ${p}.position, ${p}.id`),
    sources: cited,
    supersedes: (b, f, tr) => nodes(tr, f, 'Treaty', (t) => `MATCH (${b.node})-[:SUPERSEDES]->(${t}:Treaty)`, (t) => `${t}.signedFromDate, ${t}.id`),
    supersededBy: (b, f, tr) => nodes(tr, f, 'Treaty', (t) => `MATCH (${t}:Treaty)-[:SUPERSEDES]->(${b.node})`, (t) => `${t}.signedFromDate, ${t}.id`),
    milestones: (b, f, tr) => nodes(tr, f, 'Milestone', (m) => `MATCH (${b.node})-[:HAD_MILESTONE]->(${m}:Milestone)`, (m) => `${m}.date, ${m}.id`),
    caveats: caveatsOf,
    organizations: (b, f, tr) => nodes(tr, f, 'Organization', (o) => `MATCH (${o}:Organization)-[:FOUNDED_BY]->(${b.node})`, (o) => `${o}.name`),
    statements: (b, f, tr) => nodes(tr, f, 'Statement', (s) => `MATCH (${s}:Statement)-[:ABOUT]->(${b.node})`, (s) => `${s}.date, ${s}.id`),
  },
  Party: {
    nation: (b, f, tr) => project('Nation', { node: b.nation! }, f.fields, tr),
    treaty: (b, f, tr) => project('Treaty', { node: b.treaty! }, f.fields, tr),
    signedOn: (b, _f, tr) => `CASE WHEN ${b.rel}.signedOn IS NULL OR ${continuation('earlier', b, tr)} THEN null ELSE ${b.rel}.signedOn END`,
    ratifiedOn: relProp('ratifiedOn'),
    inForceFrom: relProp('inForceFrom'),
    leftOn: (b, _f, tr) => `CASE WHEN ${b.rel}.leftOn IS NULL OR ${continuation('later', b, tr)} THEN null ELSE ${b.rel}.leftOn END`,
    note: relProp('note'),
    standing: (b) => recordStands(b.rel!, `${b.nation}.code`, b.treaty!),
    obligations: (b, _f, tr) => {
      const o = tr.fresh('o');
      return `CASE WHEN ${b.rel}.obligations IS NULL THEN null ELSE [${o} IN ${OBLIGATION_ORDER} WHERE ${o} IN ${b.rel}.obligations] END`;
    },
    sources: sourcesOf('rel'),
  },
  Signatory: {
    leader: (b, f, tr) => project('Leader', { node: b.leader! }, f.fields, tr),
    office: relProp('office'),
    signedOn: relProp('signedOn'),
    nation: (b, f, tr) => node(tr, f, 'Nation', (n) => `MATCH (${n}:Nation {code: ${b.rel}.nation})`),
    treaty: (b, f, tr) => project('Treaty', { node: b.treaty! }, f.fields, tr),
  },
  Provision: {
    article: prop('article'),
    obligation: prop('obligation'),
    summary: prop('summary'),
    quote: prop('quote'),
    treaty: (b, f, tr) => node(tr, f, 'Treaty', (t) => `MATCH (${t}:Treaty)-[:HAS_PROVISION]->(${b.node})`),
    obligors: (b, f, tr) => nodes(tr, f, 'Nation', (n) => `MATCH (${n}:Nation) WHERE ${n}.code IN coalesce(${b.node}.obligors, [])`, (n) => `${n}.name`),
    beneficiaries: (b, f, tr) => nodes(tr, f, 'Nation', (n) => `MATCH (${n}:Nation) WHERE ${n}.code IN coalesce(${b.node}.beneficiaries, [])`, (n) => `${n}.name`),
    sources: cited,
    caveats: caveatsOf,
  },
  Leader: {
    id: prop('id'),
    name: prop('name'),
    wikidataId: prop('wikidataId'),
    aliases: listProp('aliases'),
    tenures: (b, f, tr) => {
      const [r, h] = [tr.fresh('held'), tr.fresh('holder')];
      return `COLLECT { MATCH (${b.node})-[${r}:HELD]->(${h}) WHERE (${h}:Nation OR ${h}:Organization) AND ${tenureListed(r, b.node!, h, tr)} WITH ${r}, ${h} ORDER BY ${r}.fromDate, ${r}.office RETURN ${project('Tenure', { rel: r, leader: b.node!, holder: h }, f.fields, tr)} }`;
    },
    treatiesSigned: (b, f, tr) => {
      const [r, t] = [tr.fresh('signed'), tr.fresh('treaty')];
      return `COLLECT { MATCH (${b.node})-[${r}:SIGNED]->(${t}:Treaty) WITH ${r}, ${t} ORDER BY ${r}.signedOn, ${t}.id RETURN ${project('Signatory', { rel: r, leader: b.node!, treaty: t }, f.fields, tr)} }`;
    },
    statements: (b, f, tr) => nodes(tr, f, 'Statement', (s) => `MATCH (${b.node})-[:MADE]->(${s}:Statement)`, (s) => `${s}.date, ${s}.id`),
    visits: (b, f, tr) => nodes(tr, f, 'Visit', (v) => `MATCH (${b.node})-[:VISITED]->(${v}:Visit)`, (v) => `${v}.from, ${v}.id`),
  },
  Tenure: {
    office: relProp('office'),
    from: relProp('from'),
    to: relProp('to'),
    endUnknown: (b) => `coalesce(${b.rel}.endUnknown, false)`,
    acting: relProp('acting'),
    nation: (b, f, tr) => holderAs('Nation', 'nation', b, f, tr),
    organization: (b, f, tr) => holderAs('Organization', 'organization', b, f, tr),
    leader: (b, f, tr) => project('Leader', { node: b.leader! }, f.fields, tr),
    roles: (b, _f, tr) => {
      const x = tr.fresh('role');
      const recorded = `CASE WHEN ${b.rel}.origin = 'wikidata' THEN [${roleOfOffice(b.rel!)}] ELSE ${seededSpellRecords(b, tr, (w) => `RETURN ${roleOfOffice(w)}`)} END`;
      return `[${x} IN ['HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT'] WHERE ${x} IN ${recorded}]`;
    },
    // The seeds' sources, and those of Wikidata's records of the same spell.
    sources: (b, f, tr) => {
      const id = tr.fresh('id');
      return sourcesById(tr, f, `coalesce(${b.rel}.sources, []) + ${seededSpellRecords(b, tr, (w) => `UNWIND coalesce(${w}.sources, []) AS ${id} RETURN ${id}`)}`);
    },
  },
  Source: {
    id: prop('id'),
    url: prop('url'),
    publisher: prop('publisher'),
    title: prop('title'),
    publishedOn: prop('publishedOn'),
    author: prop('author'),
  },
  Statement: {
    id: prop('id'),
    date: prop('date'),
    office: prop('office'),
    place: prop('place'),
    summary: prop('summary'),
    quote: prop('quote'),
    speaker: (b, f, tr) => node(tr, f, 'Leader', (l) => `MATCH (${l}:Leader)-[:MADE]->(${b.node})`),
    aboutNations: (b, f, tr) => nodes(tr, f, 'Nation', (n) => `MATCH (${b.node})-[:ABOUT]->(${n}:Nation)`, (n) => `${n}.name`),
    aboutTreaties: (b, f, tr) => nodes(tr, f, 'Treaty', (t) => `MATCH (${b.node})-[:ABOUT]->(${t}:Treaty)`, (t) => `${t}.id`),
    aboutOrganizations: (b, f, tr) => nodes(tr, f, 'Organization', (o) => `MATCH (${b.node})-[:ABOUT]->(${o}:Organization)`, (o) => `${o}.name`),
    sources: cited,
  },
  Organization: {
    id: prop('id'),
    name: prop('name'),
    aliases: listProp('aliases'),
    kind: prop('kind'),
    founded: prop('founded'),
    foundingTreaty: (b, f, tr) => node(tr, f, 'Treaty', (t) => `MATCH (${b.node})-[:FOUNDED_BY]->(${t}:Treaty)`),
    members: (b, f, tr) => {
      const day = dateParam(tr, f.args.asOf, null);
      const [r, n] = [tr.fresh('member'), tr.fresh('nation')];
      return `COLLECT { MATCH (${n}:Nation)-[${r}:MEMBER_OF]->(${b.node}) WHERE ${day} IS NULL OR ${inForce(r, day)} WITH ${r}, ${n} ORDER BY ${r}.fromDate, ${n}.name RETURN ${project('Membership', { rel: r, nation: n, organization: b.node! }, f.fields, tr)} }`;
    },
    aspirants: (b, f, tr) => {
      const [r, n] = [tr.fresh('aspires'), tr.fresh('nation')];
      return `COLLECT { MATCH (${n}:Nation)-[${r}:ASPIRES_TO]->(${b.node}) WITH ${r}, ${n} ORDER BY ${n}.name RETURN ${project('Aspiration', { rel: r, nation: n, organization: b.node! }, f.fields, tr)} }`;
    },
    leaders: (b, f, tr) => officesOf({ organization: b.node! }, f, tr, dateParam(tr, f.args.asOf, tr.today)),
    tenures: (b, f, tr) => officesOf({ organization: b.node! }, f, tr, null),
    sources: cited,
  },
  Membership: {
    nation: (b, f, tr) => project('Nation', { node: b.nation! }, f.fields, tr),
    organization: (b, f, tr) => project('Organization', { node: b.organization! }, f.fields, tr),
    from: relProp('from'),
    to: relProp('to'),
    note: relProp('note'),
    sources: sourcesOf('rel'),
  },
  Aspiration: {
    nation: (b, f, tr) => project('Nation', { node: b.nation! }, f.fields, tr),
    organization: (b, f, tr) => project('Organization', { node: b.organization! }, f.fields, tr),
    since: relProp('since'),
    note: relProp('note'),
    sources: sourcesOf('rel'),
  },
  Visit: {
    id: prop('id'),
    from: prop('from'),
    to: prop('to'),
    place: prop('place'),
    summary: prop('summary'),
    leader: (b, f, tr) => node(tr, f, 'Leader', (l) => `MATCH (${l}:Leader)-[:VISITED]->(${b.node})`),
    host: (b, f, tr) => node(tr, f, 'Nation', (n) => `MATCH (${b.node})-[:HOSTED_BY]->(${n}:Nation)`),
    sources: cited,
  },
  Milestone: {
    date: prop('date'),
    summary: prop('summary'),
    nation: (b, f, tr) => node(tr, f, 'Nation', (n) => `MATCH (${n}:Nation {code: ${b.node}.nation})`),
    sources: cited,
  },
  Caveat: {
    field: prop('field'),
    kind: prop('kind'),
    alternative: prop('alternative'),
    note: prop('note'),
    sources: cited,
  },
  Alliance: {
    since: (b) => b.since!,
    nation: (b, f, tr) => project('Nation', { node: b.nation! }, f.fields, tr),
    treaties: (b, f, tr) => treatyList(tr, f, b.treaties!),
    obligations: (b, _f, tr) => obligationsOfTreaties(tr, b.treaties!, b.obligations ?? null),
    provisions: (b, f, tr) => {
      if (b.provisions) return provisionList(tr, f, b.provisions);
      const [t, p] = [tr.fresh('treaty'), tr.fresh('provision')];
      const only = b.obligations;
      return `COLLECT { UNWIND ${b.treaties} AS ${t} MATCH (${t})-[:HAS_PROVISION]->(${p}:Provision) WHERE ${only} IS NULL OR ${p}.obligation IN ${only} ` +
        // The treaties are distinct and a provision has one treaty: no duplicates to drop.
        `WITH ${p} ORDER BY ${p}.treaty, ${p}.position, ${p}.id RETURN ${project('Provision', { node: p }, f.fields, tr)} }`;
    },
  },
  AlliancePath: {
    nations: (b, f, tr) => {
      const n = tr.fresh('nation');
      return `[${n} IN nodes(${b.path}) WHERE ${n}:Nation | ${project('Nation', { node: n }, f.fields, tr)}]`;
    },
    hops: (b, f, tr) => {
      const [i, t, x, y] = [tr.fresh('i'), tr.fresh('treaty'), tr.fresh('from'), tr.fresh('to')];
      return `COLLECT { UNWIND range(0, length(${b.path}) / 2 - 1) AS ${i} WITH ${i}, nodes(${b.path})[2 * ${i}] AS ${x}, nodes(${b.path})[2 * ${i} + 1] AS ${t}, nodes(${b.path})[2 * ${i} + 2] AS ${y} ` +
        `ORDER BY ${i} RETURN ${project('PathHop', { treaty: t, from: x, to: y, obligations: b.obligations! }, f.fields, tr)} }`;
    },
  },
  PathHop: {
    treaty: (b, f, tr) => project('Treaty', { node: b.treaty! }, f.fields, tr),
    from: (b, f, tr) => project('Nation', { node: b.from! }, f.fields, tr),
    to: (b, f, tr) => project('Nation', { node: b.to! }, f.fields, tr),
    obligations: (b, _f, tr) => obligationsOfTreaties(tr, `[${b.treaty}]`, b.obligations!),
  },
  AllianceNetwork: {
    nodes: (b, f, tr) => {
      const n = tr.fresh('nation');
      return `COLLECT { UNWIND ${b.nodes} AS ${n} WITH ${n} ORDER BY ${n}.name RETURN ${project('Nation', { node: n }, f.fields, tr)} }`;
    },
  },
  NetworkEdge: {
    a: (b, f, tr) => project('Nation', { node: b.a! }, f.fields, tr),
    b: (b, f, tr) => project('Nation', { node: b.b! }, f.fields, tr),
    // The network fragment lists each edge's treaties in signing order already.
    treaties: (b, f, tr) => {
      const t = tr.fresh('treaty');
      return `[${t} IN ${b.treaties} | ${project('Treaty', { node: t }, f.fields, tr)}]`;
    },
    obligations: (b, _f, tr) => {
      // Read once per treaty by the network fragment; here only merged, in the canonical order.
      const [o, set] = [tr.fresh('o'), tr.fresh('set')];
      return `[${o} IN ${OBLIGATION_ORDER} WHERE any(${set} IN ${b.obligationSets} WHERE ${o} IN ${set}) AND (${b.obligations} IS NULL OR ${o} IN ${b.obligations})]`;
    },
  },
  Event: {
    date: (b) => b.date!,
    kind: (b) => b.kind!,
    summary: (b) => b.summary!,
    treaty: (b, f, tr) => maybe('Treaty', b.treaty!, f, tr),
    leader: (b, f, tr) => maybe('Leader', b.leader!, f, tr),
    organization: (b, f, tr) => maybe('Organization', b.organization!, f, tr),
    nation: (b, f, tr) => project('Nation', { node: b.nation! }, f.fields, tr),
  },
  SearchHit: {
    kind: (b) => b.kind!,
    id: (b) => b.id!,
    name: (b) => b.name!,
    score: (b) => b.score!,
  },
};
