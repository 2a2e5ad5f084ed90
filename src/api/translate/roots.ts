/**
 * Stage 2, query per root field: what each root field matches, its filters, order and page, around the
 * projection of its selection (stage 3, projections.ts). Each root field becomes ONE `{ cypher, params }`,
 * and `finish` turns the single result into the response (cursors and page info are built here).
 */
import { EntenteError } from '../../errors.ts';
import { put } from '../response-object.ts';
import { Translation } from './context.ts';
import {
  alliancesFrom,
  dateParam,
  defendersFrom,
  fragment,
  fragmentCall,
  inForce,
  keyed,
  project,
  recordStands,
  shape,
  timelineFrom,
} from './projections.ts';
import type { FieldSel } from './selection.ts';

export interface RootQuery {
  cypher: string;
  params: Record<string, unknown>;
  /** Turns the `result` column of the rows into the field's value. */
  finish(rows: { result: unknown }[]): unknown;
}

export const LIMITS = {
  /** The largest page `first` may ask for (nations, treaties). */
  maxFirst: 100,
  defaultFirst: 20,
  /** The longest chain `alliancePath` searches; its default. */
  maxHops: 6,
  defaultHops: 4,
  maxSearch: 50,
  defaultSearch: 10,
} as const;

type Args = Record<string, unknown>;
type RootBuilder = (sel: FieldSel, tr: Translation) => Omit<RootQuery, 'params'>;

const first = <T>(rows: { result: unknown }[], fallback: T) => (rows[0]?.result ?? fallback) as unknown;

/** The finish of a root field answered in one row: its projected value, keyed by the selection's response keys. */
const answer = (sel: FieldSel): RootQuery['finish'] => (rows) => shape(first(rows, sel.list ? [] : null), sel);

function badInput(message: string, argument: string, value: unknown): EntenteError {
  return new EntenteError('BAD_USER_INPUT', message, { argument, value });
}

function pageSize(args: Args, max: number, fallback: number): number {
  const value = args.first;
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw badInput(`Argument "first" must be a whole number from 0 to ${max}; got ${JSON.stringify(value)}.`, 'first', value);
  }
  return value;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === null) return -1;
  const match = typeof cursor === 'string' ? /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString()) : null;
  if (!match) throw badInput(`Argument "after" is not a cursor this API gave out: ${JSON.stringify(cursor)}. Pass an endCursor from a previous page.`, 'after', cursor);
  return Number(match[1]);
}

/** Where a connection's nodes come from: every node in order (`all`), or the page and the total already computed. */
type ConnectionSource = { all: string } | { page: string; total: string };

/** The page a connection's arguments ask for: how many nodes from which offset. */
function pageWindow(sel: FieldSel): { size: number; offset: number } {
  return { size: pageSize(sel.args, LIMITS.maxFirst, LIMITS.defaultFirst), offset: decodeCursor(sel.args.after) + 1 };
}

/**
 * A Relay connection over its source (Cypher variables): the page is projected once per `edges { node }`
 * selection; cursors and page info are built here.
 */
function connection(sel: FieldSel, tr: Translation, type: string, source: ConnectionSource): { ret: string; finish: RootQuery['finish'] } {
  const { size, offset } = pageWindow(sel);
  let page: string;
  let total: string;
  if ('all' in source) {
    page = `${source.all}[${tr.param(offset)}..${tr.param(offset + size)}]`;
    total = `size(${source.all})`;
  } else {
    ({ page, total } = source);
  }
  const lists: string[] = [];
  const keys = new Map<string, string>();
  for (const edges of sel.fields.filter((f) => f.name === 'edges')) {
    for (const nodeSel of edges.fields.filter((f) => f.name === 'node')) {
      const key = `n${keys.size}`;
      keys.set(`${edges.alias}.${nodeSel.alias}`, key);
      const x = tr.fresh('x');
      lists.push(`${key}: COLLECT { UNWIND ${page} AS ${x} RETURN ${project(type, { node: x }, nodeSel.fields, tr)} }`);
    }
  }
  const ret = `{total: ${total}, count: size(${page})${lists.map((l) => `, ${l}`).join('')}}`;
  const finish: RootQuery['finish'] = (rows) => {
    const r = rows[0]?.result as { total: number; count: number; [k: string]: unknown };
    const cursorAt = (i: number) => encodeCursor(offset + i);
    const out: Record<string, unknown> = {};
    for (const f of sel.fields) {
      if (f.name === '__typename') put(out, f.alias, `${type}Connection`);
      else if (f.name === 'totalCount') put(out, f.alias, r.total);
      else if (f.name === 'pageInfo') {
        const info: Record<string, unknown> = {
          hasNextPage: offset + r.count < r.total,
          hasPreviousPage: offset > 0,
          startCursor: r.count > 0 ? cursorAt(0) : null,
          endCursor: r.count > 0 ? cursorAt(r.count - 1) : null,
          __typename: 'PageInfo',
        };
        put(out, f.alias, Object.fromEntries(f.fields.map((g) => [g.alias, info[g.name]])));
      } else if (f.name === 'edges') {
        put(out, f.alias, Array.from({ length: r.count }, (_, i) =>
          Object.fromEntries(f.fields.map((g) => [
            g.alias,
            g.name === 'cursor' ? cursorAt(i) : g.name === 'node' ? keyed((r[keys.get(`${f.alias}.${g.alias}`)!] as unknown[][])[i]!, type, g.fields) : `${type}Edge`,
          ])),
        ));
      }
    }
    return out;
  };
  return { ret, finish };
}

function byKey(label: string, key: string, type: string): RootBuilder {
  return (sel, tr) => {
    const n = tr.fresh(type.toLowerCase());
    return {
      cypher: `MATCH (${n}:${label} {${key}: ${tr.param(sel.args[key === 'code' ? 'code' : 'id'])}}) RETURN ${project(type, { node: n }, sel.fields, tr)} AS result`,
      finish: answer(sel),
    };
  };
}

/**
 * A node by its id, or, when no node has that id, by the external id it stands for: `atop-3180` is the
 * treaty with ATOP id 3180 and `wd-q56226` the leader with Wikidata id Q56226, whatever id the seeds gave
 * them (the North Atlantic Treaty, Kim Jong Un). Those are the ids an import gives the nodes it creates.
 */
function byIdOrExternal(label: string, pattern: RegExp, key: string, value: (match: RegExpExecArray) => unknown): RootBuilder {
  return (sel, tr) => {
    const n = tr.fresh(label.toLowerCase());
    const id = sel.args.id;
    const external = typeof id === 'string' ? pattern.exec(id) : null;
    const match = external
      ? `CALL () { MATCH (${n}:${label} {id: ${tr.param(id)}}) RETURN ${n}, 0 AS rank UNION MATCH (${n}:${label} {${key}: ${tr.param(value(external))}}) RETURN ${n}, 1 AS rank } WITH ${n} ORDER BY rank LIMIT 1`
      : `MATCH (${n}:${label} {id: ${tr.param(id)}})`;
    return { cypher: `${match} RETURN ${project(label, { node: n }, sel.fields, tr)} AS result`, finish: answer(sel) };
  };
}

function nationOf(tr: Translation, code: unknown): { match: string; node: string } {
  const n = tr.fresh('nation');
  return { match: `MATCH (${n}:Nation {code: ${tr.param(code)}})`, node: n };
}

/** Where a period (`fromDate`/`untilDate`) meets the filter's day or range; '' when the filter has neither. */
function periodCondition(x: string, on: string | null, from: string | null, to: string | null): string {
  const parts: string[] = [];
  if (on) parts.push(inForce(x, on));
  if (from || to) {
    parts.push(`${x}.fromDate IS NOT NULL`);
    if (to) parts.push(`${x}.fromDate <= ${to}`);
    if (from) parts.push(`(${x}.untilDate IS NULL OR ${x}.untilDate > ${from})`);
  }
  return parts.join(' AND ');
}

/** Orders of the treaty list that an index serves (cypher/schema/), by the property it orders on. */
const INDEXED_ORDER: Record<string, string> = { SIGNED_ON: 'signedFromDate', ENTERED_INTO_FORCE_ON: 'fromDate', ID: 'id' };

/** Each order of the treaty list, as the expression it sorts on. */
const ORDER_FIELDS: Record<string, (t: string) => string> = {
  ...Object.fromEntries(Object.entries(INDEXED_ORDER).map(([field, property]) => [field, (t: string) => `${t}.${property}`])),
  NAME: (t) => `toLower(${t}.name)`,
};

/**
 * All treaties, unfiltered, in ascending order of an indexed property: the page without reading every treaty.
 * The total comes from Neo4j's count store, and the page from the property's index in order (then by id);
 * treaties without the property come last, in id order (as ORDER BY puts nulls last), and are read only by a
 * page that reaches them. The answer is the general query's; only the reading differs.
 */
function indexedTreatyPage(sel: FieldSel, tr: Translation, property: string): Omit<RootQuery, 'params'> {
  const { size, offset } = pageWindow(sel);
  const [t, total, head, go, dated, undated, start, page] = ['treaty', 'total', 'head', 'go', 'dated', 'undated', 'start', 'page'].map((n) => tr.fresh(n)) as [string, string, string, string, string, string, string, string];
  const [skip, limit] = [tr.param(offset), tr.param(size)];
  const short = `size(${head}) < ${limit}`;
  const { ret, finish } = connection(sel, tr, 'Treaty', { page, total });
  return {
    cypher: [
      `CALL () { MATCH (${t}:Treaty) RETURN count(${t}) AS ${total} }`,
      `CALL () { MATCH (${t}:Treaty) WHERE ${t}.${property} IS NOT NULL WITH ${t} ORDER BY ${t}.${property} ASC, ${t}.id ASC SKIP toInteger(${skip}) LIMIT toInteger(${limit}) RETURN collect(${t}) AS ${head} }`,
      // Only a page that runs past the treaties with the property counts them and reads the others. The
      // UNWIND gives no row to match from otherwise (a WHERE would be planned after the scan), and an
      // aggregation over no rows still gives one: 0 and [].
      `CALL (${head}) { UNWIND CASE WHEN ${short} THEN [1] ELSE [] END AS ${go} MATCH (${t}:Treaty) WHERE ${t}.${property} IS NOT NULL RETURN count(${t}) AS ${dated} }`,
      `CALL (${head}) { UNWIND CASE WHEN ${short} THEN [1] ELSE [] END AS ${go} MATCH (${t}:Treaty) WHERE ${t}.${property} IS NULL WITH ${t} ORDER BY ${t}.id ASC RETURN collect(${t}) AS ${undated} }`,
      `WITH ${total}, ${head}, ${undated}, CASE WHEN ${skip} > ${dated} THEN ${skip} - ${dated} ELSE 0 END AS ${start}`,
      `WITH ${total}, ${head} + ${undated}[${start}..${start} + ${limit} - size(${head})] AS ${page}`,
      `RETURN ${ret} AS result`,
    ].join(' '),
    finish,
  };
}

const treaties: RootBuilder = (sel, tr) => {
  const filter = (sel.args.filter ?? {}) as Args;
  const order = (sel.args.orderBy ?? { field: 'SIGNED_ON', direction: 'ASC' }) as { field: string; direction?: string };
  const t = tr.fresh('treaty');
  const during = (filter.inForceDuring ?? null) as { from?: string | null; to?: string | null } | null;
  const on = filter.inForceOn ? dateParam(tr, filter.inForceOn, null) : null;
  const from = during?.from ? dateParam(tr, during.from, null) : null;
  const to = during?.to ? dateParam(tr, during.to, null) : null;
  const dated = Boolean(on || from || to);
  const where: string[] = [];
  const pre: string[] = [];
  let sourceIds: string | null = null;
  if (typeof filter.source === 'string') {
    sourceIds = tr.fresh('sourceIds');
    pre.push(`WITH ${tr.param(filter.source)} AS source ${fragment('api/source-ids').replace(/\bsourceIds\b/g, sourceIds)}`);
    where.push(`EXISTS { MATCH (${t})-[:CITES]->(cs:Source) WHERE cs.id IN ${sourceIds} }`);
  }
  // Membership periods carry their treaty's period as their writer set it. With `source`, a source's own
  // view decides (its memberships alone: ATOP counts come out exactly as ATOP records them); without it,
  // the treaty's own end applies too (the seeds' termination of a treaty ATOP also holds).
  // Without it, the seeds' record of a membership stands alone where they have one (recordStands).
  const relCites = (r: string) => (sourceIds ? `any(s IN coalesce(${r}.sources, []) WHERE s IN ${sourceIds})` : '');
  const notEnded = (x: string) =>
    sourceIds ? '' : [on, from].filter(Boolean).map((d) => `(${x}.untilDate IS NULL OR ${x}.untilDate > ${d})`).join(' AND ');
  const stands = (r: string, code: string) => (sourceIds || !dated ? '' : recordStands(r, code, t));
  const membership = (r: string, code: string) =>
    [periodCondition(r, on, from, to), relCites(r), notEnded(t), stands(r, code)].filter(Boolean).join(' AND ');
  let match: string;
  if (typeof filter.party === 'string') {
    const { match: m, node } = nationOf(tr, filter.party);
    const r = tr.fresh('party');
    const conditions = membership(r, `${node}.code`);
    match = `${m} MATCH (${node})-[${r}:PARTY_TO]->(${t}:Treaty)${conditions ? ` WHERE ${conditions}` : ''} WITH DISTINCT ${sourceIds ? `${sourceIds}, ` : ''}${t}`;
  } else {
    match = `MATCH (${t}:Treaty)`;
    if (dated) {
      const [r, n] = [tr.fresh('party'), tr.fresh('nation')];
      const anyMember = `EXISTS { MATCH (${n}:Nation)-[${r}:PARTY_TO]->(${t}) WHERE ${membership(r, `${n}.code`)} }`;
      if (sourceIds) {
        // The source's own period for the treaty, where its citation carries one (ATOP's alliance dates, which
        // span gaps no member is in: 2340 has none from 1962 to 1995), else its memberships.
        const c = tr.fresh('cites');
        where.push(`(EXISTS { MATCH (${t})-[${c}:CITES]->(cs:Source) WHERE cs.id IN ${sourceIds} AND ${periodCondition(c, on, from, to)} } OR ${anyMember})`);
      } else {
        // A treaty whose own entry into force is unknown is in force by the dates of its memberships.
        where.push(`((${t}.fromDate IS NOT NULL AND ${periodCondition(t, on, from, to)}) OR (${t}.fromDate IS NULL AND ${anyMember}))`);
      }
    }
  }
  if (Array.isArray(filter.parties) && filter.parties.length > 0) {
    const [c, r] = [tr.fresh('code'), tr.fresh('party')];
    const cond = membership(r, c);
    where.push(`all(${c} IN ${tr.param(filter.parties)} WHERE EXISTS { MATCH (:Nation {code: ${c}})-[${r}:PARTY_TO]->(${t})${cond ? ` WHERE ${cond}` : ''} })`);
  }
  if (typeof filter.obligation === 'string') {
    // With `source`, that source must code the obligation too, as its memberships alone count above: a seeded
    // treaty ATOP also holds keeps the seeds' provisions, which ATOP's own counts know nothing of.
    const p = tr.fresh('provision');
    const cited = sourceIds ? ` WHERE EXISTS { MATCH (${p})-[:CITES]->(ps:Source) WHERE ps.id IN ${sourceIds} }` : '';
    where.push(`EXISTS { MATCH (${t})-[:HAS_PROVISION]->(${p}:Provision {obligation: ${tr.param(filter.obligation)}})${cited} }`);
  }
  const signed = (filter.signedDuring ?? null) as { from?: string | null; to?: string | null } | null;
  if (signed?.to) where.push(`${t}.signedFromDate <= ${dateParam(tr, signed.to, null)}`);
  if (signed?.from) where.push(`${t}.signedToDate >= ${dateParam(tr, signed.from, null)}`);
  if (signed && (signed.from || signed.to)) where.push(`${t}.signedFromDate IS NOT NULL`);
  if (typeof filter.kind === 'string') where.push(`toLower(${t}.kind) = toLower(${tr.param(filter.kind)})`);
  if (typeof filter.text === 'string') {
    const text = tr.param(filter.text);
    where.push(`(toLower(${t}.name) CONTAINS toLower(${text}) OR toLower(coalesce(${t}.aliasText, '')) CONTAINS toLower(${text}))`);
  }
  const key = (ORDER_FIELDS[order.field] ?? ORDER_FIELDS.SIGNED_ON!)(t);
  const direction = order.direction === 'DESC' ? 'DESC' : 'ASC';
  const indexed = INDEXED_ORDER[order.field];
  const unfiltered = typeof filter.party !== 'string' && pre.length === 0 && where.length === 0;
  if (unfiltered && direction === 'ASC' && indexed) {
    return indexedTreatyPage(sel, tr, indexed);
  }
  const all = tr.fresh('all');
  const { ret, finish } = connection(sel, tr, 'Treaty', { all });
  return {
    cypher: `${pre.join(' ')} ${match}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ` +
      `WITH ${t} ORDER BY ${key} ${direction}, ${t}.id ${direction} WITH collect(${t}) AS ${all} RETURN ${ret} AS result`,
    finish,
  };
};

const nations: RootBuilder = (sel, tr) => {
  const filter = (sel.args.filter ?? {}) as Args;
  const n = tr.fresh('nation');
  const where: string[] = [];
  let match = `MATCH (${n}:Nation)`;
  if (typeof filter.cowCode === 'number') match = `MATCH (${n}:Nation {cowCode: ${tr.param(filter.cowCode)}})`;
  if (typeof filter.name === 'string') {
    const name = tr.param(filter.name);
    where.push(`(toLower(${n}.name) CONTAINS toLower(${name}) OR toLower(coalesce(${n}.aliasText, '')) CONTAINS toLower(${name}))`);
  }
  if (typeof filter.region === 'string') where.push(`toLower(${n}.region) = toLower(${tr.param(filter.region)})`);
  if (typeof filter.existedOn === 'string') {
    const p = tr.fresh('period');
    where.push(`EXISTS { MATCH (${n})-[:EXISTED]->(${p}:Period) WHERE ${inForce(p, dateParam(tr, filter.existedOn, null))} }`);
  }
  const all = tr.fresh('all');
  const { ret, finish } = connection(sel, tr, 'Nation', { all });
  return {
    cypher: `${match}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} WITH ${n} ORDER BY ${n}.name, ${n}.code WITH collect(${n}) AS ${all} RETURN ${ret} AS result`,
    finish,
  };
};

/**
 * Words of the user's text as a Lucene query: only letters, digits and the apostrophes inside a word reach
 * Lucene, never its syntax. The index keeps "d’Ivoire" and "People's" as one word each, so a word is not cut
 * at its apostrophe; a straight one for a curly one is one edit, which `~1` allows.
 */
export function luceneQuery(text: string): string | null {
  const words = (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).slice(0, 8).map((w) => w.slice(0, 40));
  if (words.length === 0) return null;
  return words.map((w) => `(${w}^3 OR ${w}* OR ${w}~1)`).join(' AND ');
}

const search: RootBuilder = (sel, tr) => {
  const size = pageSize(sel.args, LIMITS.maxSearch, LIMITS.defaultSearch);
  const query = luceneQuery(String(sel.args.text ?? ''));
  const [node, score] = [tr.fresh('node'), tr.fresh('score')];
  const b = {
    kind: `CASE WHEN ${node}:Nation THEN 'NATION' WHEN ${node}:Leader THEN 'LEADER' WHEN ${node}:Treaty THEN 'TREATY' ELSE 'ORGANIZATION' END`,
    id: `coalesce(${node}.code, ${node}.id)`,
    name: `${node}.name`,
    score,
  };
  return {
    cypher: `WITH ${tr.param(query)} AS q WHERE q IS NOT NULL AND ${tr.param(size)} > 0 ` +
      `CALL db.index.fulltext.queryNodes('search_names', q, {limit: ${tr.param(size)}}) YIELD node AS ${node}, score AS ${score} ` +
      `WITH ${node}, ${score} ORDER BY ${score} DESC, ${node}.name RETURN collect(${project('SearchHit', b, sel.fields, tr)}) AS result`,
    finish: answer(sel),
  };
};

const alliesOf: RootBuilder = (sel, tr) => {
  const { match, node } = nationOf(tr, sel.args.code);
  const expr = alliancesFrom(tr, sel, node, dateParam(tr, sel.args.asOf, tr.today), tr.param(sel.args.obligations ?? null), true);
  return { cypher: `${match} RETURN ${expr} AS result`, finish: answer(sel) };
};

const defendersOf: RootBuilder = (sel, tr) => {
  const { match, node } = nationOf(tr, sel.args.code);
  const expr = defendersFrom(tr, sel, node, dateParam(tr, sel.args.asOf, tr.today), true);
  return { cypher: `${match} RETURN ${expr} AS result`, finish: answer(sel) };
};

const treatiesBetween: RootBuilder = (sel, tr) => {
  const a = nationOf(tr, sel.args.a);
  const b = nationOf(tr, sel.args.b);
  const { call, out } = fragmentCall(tr, 'api/treaties-between', { a: a.node, b: b.node, asOf: dateParam(tr, sel.args.asOf, null) }, ['t']);
  return {
    cypher: `${a.match} ${b.match} RETURN COLLECT { ${call} RETURN ${project('Treaty', { node: out.t! }, sel.fields, tr)} } AS result`,
    finish: answer(sel),
  };
};

/** The length bound of cypher/api/alliance-path.cypher, in memberships (two a hop), at the API's cap (LIMITS.maxHops). */
const PATH_CAP = `*1..${2 * LIMITS.maxHops}]`;

const alliancePath: RootBuilder = (sel, tr) => {
  const hops = sel.args.maxHops ?? LIMITS.defaultHops;
  if (typeof hops !== 'number' || !Number.isInteger(hops) || hops < 1 || hops > LIMITS.maxHops) {
    throw badInput(`Argument "maxHops" must be a whole number from 1 to ${LIMITS.maxHops}; got ${JSON.stringify(hops)}.`, 'maxHops', hops);
  }
  const a = nationOf(tr, sel.args.from);
  const obligations = tr.param(sel.args.obligations ?? null);
  if (sel.args.from === sel.args.to) {
    // The chain from a nation to itself is the nation alone.
    const path = tr.fresh('path');
    return {
      cypher: `${a.match} MATCH ${path} = (${a.node}) RETURN ${project('AlliancePath', { path, obligations }, sel.fields, tr)} AS result`,
      finish: answer(sel),
    };
  }
  const b = nationOf(tr, sel.args.to);
  const { call, out } = fragmentCall(
    tr,
    'api/alliance-path',
    { a: a.node, b: b.node, asOf: dateParam(tr, sel.args.asOf, tr.today), obligations, maxHops: tr.param(hops) },
    ['path'],
    // The search stops at maxHops, not at the cap: a chain that is not there is given up sooner. Cypher takes
    // no parameter for a length bound; `hops` is a whole number from 1 to 6, checked above.
    (text) => {
      if (!text.includes(PATH_CAP)) throw new Error(`cypher/api/alliance-path.cypher no longer says ${PATH_CAP}`);
      return text.replace(PATH_CAP, `*1..${2 * hops}]`);
    },
  );
  return {
    cypher: `${a.match} ${b.match} ${call} RETURN ${project('AlliancePath', { path: out.path!, obligations }, sel.fields, tr)} AS result`,
    finish: answer(sel),
  };
};

const allianceNetwork: RootBuilder = (sel, tr) => {
  const obligations = tr.param(sel.args.obligations ?? null);
  const sourceIds = tr.fresh('sourceIds');
  const pre = `WITH ${tr.param(sel.args.source ?? null)} AS source ${fragment('api/source-ids').replace(/\bsourceIds\b/g, sourceIds)}`;
  const source = sel.args.source;
  const origin = source === 'seeds' ? "'seed'" : tr.param(null);
  const region = tr.param(typeof sel.args.region === 'string' ? sel.args.region.toLowerCase() : null);
  const { call, out } = fragmentCall(
    tr,
    'api/alliance-network',
    { asOf: dateParam(tr, sel.args.asOf, tr.today), obligations, sourceIds: source === 'seeds' ? 'null' : sourceIds, origin, region },
    ['a', 'b', 'treaties', 'obligationSets'],
  );
  const [edges, firsts, seconds, nodes, e] = [tr.fresh('edges'), tr.fresh('firsts'), tr.fresh('seconds'), tr.fresh('nodes'), tr.fresh('edge')];
  const [n, a, b, ts, sets] = [tr.fresh('n'), tr.fresh('a'), tr.fresh('b'), tr.fresh('treaties'), tr.fresh('sets')];
  // The answer streams: the first row holds every field but the edges, then one row per edge. One huge
  // value would be built whole in the database and decoded whole by the driver (twice the time at 250,000
  // pairs); rows are sent and decoded as they come.
  const edgeFields = sel.fields.filter((f) => f.name === 'edges');
  const otherFields = sel.fields.filter((f) => f.name !== 'edges');
  const edge = { a, b, treaties: ts, obligationSets: sets, obligations };
  // One projection per `edges` selection (aliases may ask for several), in the selection's order.
  const edgeRow = `[${edgeFields.map((f) => project('NetworkEdge', edge, f.fields, tr)).join(', ')}]`;
  return {
    // The nations are gathered while aggregating, not by a DISTINCT over the edges afterwards: that
    // DISTINCT would hold the whole edge list in every row it keeps (hundreds of MiB at ATOP's size). The
    // two ends are merged by a DISTINCT in a subquery that sees only them: a merge in a list is quadratic,
    // and took minutes at 20,000 nations.
    cypher: `${pre} ${call} WITH collect({a: ${out.a}, b: ${out.b}, treaties: ${out.treaties}, obligationSets: ${out.obligationSets}}) AS ${edges}, ` +
      `collect(DISTINCT ${out.a}) AS ${firsts}, collect(DISTINCT ${out.b}) AS ${seconds} ` +
      `CALL (${firsts}, ${seconds}) { UNWIND ${firsts} + ${seconds} AS ${n} WITH DISTINCT ${n} RETURN collect(${n}) AS ${nodes} } ` +
      `UNWIND [null] + ${edgeFields.length > 0 ? edges : '[]'} AS ${e} ` +
      `WITH ${nodes}, ${e}, ${e}.a AS ${a}, ${e}.b AS ${b}, ${e}.treaties AS ${ts}, ${e}.obligationSets AS ${sets} ` +
      `RETURN CASE WHEN ${e} IS NULL THEN ${project('AllianceNetwork', { nodes, obligations }, otherFields, tr)} ELSE ${edgeRow} END AS result`,
    finish: (rows) => {
      const network = keyed(rows[0]!.result as unknown[], 'AllianceNetwork', otherFields);
      const lists = edgeFields.map(() => new Array<unknown>(rows.length - 1));
      for (let r = 1; r < rows.length; r++) {
        const row = rows[r]!.result as unknown[];
        for (let i = 0; i < edgeFields.length; i++) lists[i]![r - 1] = keyed(row[i] as unknown[], 'NetworkEdge', edgeFields[i]!.fields);
        // Let each row go once keyed: at 250,000 edges, rows and keyed copies are then never all held at once.
        rows[r]!.result = null;
      }
      edgeFields.forEach((f, i) => put(network, f.alias, lists[i]));
      return network;
    },
  };
};

const timeline: RootBuilder = (sel, tr) => {
  const { match, node } = nationOf(tr, sel.args.code);
  const expr = timelineFrom(tr, sel, node, sel.args.during as { from?: string; to?: string } | undefined);
  return { cypher: `${match} RETURN ${expr} AS result`, finish: answer(sel) };
};

const organizations: RootBuilder = (sel, tr) => {
  const o = tr.fresh('org');
  return {
    cypher: `MATCH (${o}:Organization) WITH ${o} ORDER BY ${o}.name RETURN collect(${project('Organization', { node: o }, sel.fields, tr)}) AS result`,
    finish: answer(sel),
  };
};

export const ROOTS: Record<string, RootBuilder> = {
  nation: byKey('Nation', 'code', 'Nation'),
  treaty: byIdOrExternal('Treaty', /^atop-([1-9]\d{0,8})$/, 'atopId', (m) => Number(m[1])),
  leader: byIdOrExternal('Leader', /^wd-q([1-9]\d{0,11})$/, 'wikidataId', (m) => `Q${m[1]}`),
  organization: byKey('Organization', 'id', 'Organization'),
  organizations,
  nations,
  treaties,
  search,
  alliesOf,
  defendersOf,
  treatiesBetween,
  alliancePath,
  allianceNetwork,
  timeline,
};

/** Translates one root field's selection into its query. */
export function translate(sel: FieldSel, today: string): RootQuery {
  const build = ROOTS[sel.name];
  if (!build) throw new Error(`no translation for Query.${sel.name}`);
  const tr = new Translation(today);
  const { cypher: text, finish } = build(sel, tr);
  return { cypher: text.trim(), params: tr.params, finish };
}
