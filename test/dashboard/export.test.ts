import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/export/csv.ts';
import { buildNetworkGraph, networkCounts, summarizeBlocs } from '../../src/export/graph.ts';
import { exportFileName, writeNetwork } from '../../src/export/index.ts';
import { layoutNetwork } from '../../src/export/layout.ts';
import {
  applyFilters, detectCapabilities, fetchNetwork, networkQuery, type GraphQLFetch, type NetworkFilters, type RawNetworkSnapshot,
} from '../../src/export/network.ts';
import { exportNetwork } from '../../src/export/run.ts';

const ATOP = [{ publisher: 'ATOP', title: 'ATOP 5.1' }];
const SEED = [{ publisher: 'KCNA', title: 'Treaty text' }];

/** A canned server: answers the introspection and the network query like the real API. */
function fakeFetch(options: { sourceArg: boolean }): GraphQLFetch & { calls: { query: string; variables: Record<string, unknown> }[] } {
  const calls: { query: string; variables: Record<string, unknown> }[] = [];
  const fetch = (async (query: string, variables: Record<string, unknown> = {}) => {
    calls.push({ query, variables });
    if (query.includes('__type')) {
      return { __type: { fields: [{ name: 'allianceNetwork', args: [{ name: 'asOf' }, { name: 'obligations' }, ...(options.sourceArg ? [{ name: 'source' }] : [])] }] } };
    }
    const t = (id: string, name: string, sources: typeof ATOP) => ({ id, name, ...(options.sourceArg ? {} : { sources }) });
    return {
      allianceNetwork: {
        nodes: [
          { code: 'RUS', name: 'Russia', nameThen: 'Russia', region: 'Europe', cowCode: 365 },
          { code: 'PRK', name: 'North Korea', nameThen: 'North Korea', region: 'Asia', cowCode: 731 },
          { code: 'CHN', name: 'China', nameThen: 'China', region: 'Asia', cowCode: 710 },
          { code: 'USA', name: 'United States', nameThen: 'United States', region: 'Americas', cowCode: 2 },
          { code: 'CAN', name: 'Canada', nameThen: 'Canada', region: 'Americas', cowCode: 20 },
          { code: 'MNG', name: 'Mongolia', nameThen: 'Mongolia', region: 'Asia', cowCode: 712 },
        ],
        edges: [
          { a: { code: 'PRK' }, b: { code: 'RUS' }, obligations: ['DEFENSE', 'CONSULTATION'], treaties: [t('russia-dprk-2024', 'Treaty on Comprehensive Strategic Partnership', SEED)] },
          { a: { code: 'CHN' }, b: { code: 'PRK' }, obligations: ['DEFENSE'], treaties: [t('sino-dprk-1961', 'Sino-DPRK treaty, "1961"', [...ATOP, ...SEED])] },
          { a: { code: 'CAN' }, b: { code: 'USA' }, obligations: ['DEFENSE', 'CONSULTATION'], treaties: [t('atop-3180', 'North Atlantic Treaty', ATOP)] },
          { a: { code: 'CHN' }, b: { code: 'RUS' }, obligations: ['CONSULTATION', 'NON_AGGRESSION'], treaties: [t('atop-5000', 'Sino-Russian treaty', ATOP)] },
        ],
      },
    };
  }) as GraphQLFetch & { calls: typeof calls };
  fetch.calls = calls;
  return fetch;
}

const ALL: NetworkFilters = { asOf: '2025-01-15', obligations: [], sources: 'all', region: null };

async function raw(): Promise<RawNetworkSnapshot> {
  const fetch = fakeFetch({ sourceArg: false });
  return fetchNetwork(fetch, () => detectCapabilities(fetch), '2025-01-15', 'all');
}

describe('the network question', () => {
  it('maps the seeds toggle to allianceNetwork(source:) when the server has it', async () => {
    const fetch = fakeFetch({ sourceArg: true });
    const capabilities = await detectCapabilities(fetch);
    expect(capabilities).toEqual({ sourceArg: 'source' });
    await fetchNetwork(fetch, capabilities, '2025-01-15', 'seeds');
    expect(fetch.calls[1]!.variables).toEqual({ asOf: '2025-01-15', source: 'seeds' });
    expect(fetch.calls[1]!.query).toContain('allianceNetwork(asOf: $asOf, obligations: $obligations, source: $source)');
    expect(networkQuery(capabilities)).not.toContain('sources {');
    // Every source needs neither the argument nor the treaties' sources.
    await fetchNetwork(fetch, capabilities, '2025-01-15', 'all');
    expect(fetch.calls[2]!.variables).toEqual({ asOf: '2025-01-15' });
    expect(fetch.calls[2]!.query).not.toContain('source');
  });

  it('asks for treaty sources and filters on the client when the server has no source argument', async () => {
    const fetch = fakeFetch({ sourceArg: false });
    const capabilities = await detectCapabilities(fetch);
    expect(capabilities.sourceArg).toBeNull();
    expect(networkQuery(capabilities, 'seeds')).toContain('sources { publisher title }');
    const network = await fetchNetwork(fetch, capabilities, '2025-01-15', 'seeds');
    const seeds = applyFilters(network, { ...ALL, sources: 'seeds' });
    // Treaties cited only by ATOP drop out; one cited by ATOP and a seed source stays.
    expect(seeds.edges.map((e) => `${e.a}-${e.b}`)).toEqual(['PRK-RUS', 'CHN-PRK']);
  });
});

describe('the filters', () => {
  it('keeps edges carrying a chosen obligation, narrowed to the chosen ones', async () => {
    const snapshot = applyFilters(await raw(), { ...ALL, obligations: ['DEFENSE'] });
    expect(snapshot.edges.map((e) => [`${e.a}-${e.b}`, e.obligations])).toEqual([['PRK-RUS', ['DEFENSE']], ['CHN-PRK', ['DEFENSE']], ['CAN-USA', ['DEFENSE']]]);
  });

  it('keeps the nations of a region and the alliances among them', async () => {
    const snapshot = applyFilters(await raw(), { ...ALL, region: 'Asia' });
    expect(snapshot.nodes.map((n) => n.code)).toEqual(['PRK', 'CHN', 'MNG']);
    expect(snapshot.edges.map((e) => `${e.a}-${e.b}`)).toEqual(['CHN-PRK']);
  });
});

describe('the network graph', () => {
  it('sizes nations by allies, puts allies in blocs and counts distinct treaties', async () => {
    const graph = buildNetworkGraph(applyFilters(await raw(), ALL));
    expect(networkCounts(graph)).toEqual({ nations: 6, alliances: 4, treaties: 4 });
    expect(graph.getNodeAttribute('PRK', 'allies')).toBe(2);
    expect(graph.getNodeAttribute('PRK', 'size')).toBeGreaterThan(graph.getNodeAttribute('CAN', 'size'));
    expect(graph.getNodeAttribute('MNG', 'bloc')).toBe(-1);
    expect(graph.getNodeAttribute('RUS', 'bloc')).toBe(graph.getNodeAttribute('PRK', 'bloc'));
    expect(graph.getNodeAttribute('USA', 'bloc')).not.toBe(graph.getNodeAttribute('PRK', 'bloc'));
    expect(graph.getEdgeAttribute('PRK--RUS', 'primary')).toBe('DEFENSE');
    expect(graph.getEdgeAttribute('CHN--RUS', 'primary')).toBe('NON_AGGRESSION');
    expect(summarizeBlocs(graph).map((b) => b.size)).toEqual([3, 2]);
  });

  it('keeps a bloc’s colour from one picture to the next, even when it is no longer the largest', async () => {
    const snapshot = applyFilters(await raw(), ALL);
    const previous = new Map<string, number>();
    const first = buildNetworkGraph(snapshot, { previousBlocs: previous });
    const eastern = first.getNodeAttribute('PRK', 'bloc');
    const western = first.getNodeAttribute('USA', 'bloc');
    expect(eastern).toBe(0);
    // Later, the western bloc grows past the eastern one: each keeps its colour all the same.
    const grown = {
      ...snapshot,
      edges: [...snapshot.edges, { a: 'MNG', b: 'USA', obligations: ['CONSULTATION' as const], treaties: [{ id: 'x', name: 'X', seeded: true }] },
        { a: 'CAN', b: 'MNG', obligations: ['CONSULTATION' as const], treaties: [{ id: 'x', name: 'X', seeded: true }] }],
    };
    const nodesOnly = { ...grown, edges: grown.edges.filter((e) => e.a !== 'CHN') };
    const second = buildNetworkGraph(nodesOnly, { previousBlocs: previous });
    expect(second.getNodeAttribute('PRK', 'bloc')).toBe(eastern);
    expect(second.getNodeAttribute('USA', 'bloc')).toBe(western);
    expect(second.getNodeAttribute('MNG', 'bloc')).toBe(western);
    // Without the previous picture, the largest bloc is 0.
    expect(buildNetworkGraph(nodesOnly).getNodeAttribute('USA', 'bloc')).toBe(0);
  });

  it('is the same picture every time, and keeps nations in place from one date to the next', async () => {
    const snapshot = applyFilters(await raw(), ALL);
    const a = buildNetworkGraph(snapshot);
    const b = buildNetworkGraph(snapshot);
    const positions = layoutNetwork(a);
    layoutNetwork(b);
    expect(a.export()).toEqual(b.export());
    const later = buildNetworkGraph({ ...snapshot, edges: snapshot.edges.slice(0, 3) });
    layoutNetwork(later, { previous: new Map(positions), iterations: 0 });
    expect(later.getNodeAttribute('USA', 'x')).toBe(positions.get('USA')!.x);
  });
});

describe('the writers', () => {
  async function graph() {
    const g = buildNetworkGraph(applyFilters(await raw(), ALL));
    layoutNetwork(g);
    return g;
  }

  it('writes GEXF that graphology reads back with labels, attributes and colours', async () => {
    const text = writeNetwork(await graph(), 'gexf', '2025-01-15');
    const back = parseGexf(UndirectedGraph, text);
    expect(back.order).toBe(6);
    expect(back.size).toBe(4);
    expect(back.getNodeAttribute('PRK', 'label')).toBe('North Korea');
    expect(back.getNodeAttribute('PRK', 'region')).toBe('Asia');
    expect(back.getNodeAttribute('PRK', 'color')).toMatch(/^(#|rgb)/);
    expect(back.getAttribute('description')).toBe('Alliance network on 2025-01-15');
  });

  it('writes GraphML that graphology reads back, with text escaped', async () => {
    const text = writeNetwork(await graph(), 'graphml', '2025-01-15');
    expect(text).toContain('Sino-DPRK treaty, &quot;1961&quot;');
    const back = parseGraphml(UndirectedGraph, text);
    expect(back.order).toBe(6);
    expect(back.size).toBe(4);
    expect(back.getNodeAttribute('RUS', 'label')).toBe('Russia');
    expect(back.getNodeAttribute('RUS', 'allies')).toBe(2);
    const edge = back.edges('CHN', 'PRK')[0]!;
    expect(back.getEdgeAttribute(edge, 'treaties')).toBe('Sino-DPRK treaty, "1961"');
  });

  it('writes Gephi-style CSV tables, quoted where needed', async () => {
    const g = await graph();
    const edges = writeCsv(g, 'edges').split('\r\n');
    expect(edges[0]).toBe('Source,Target,Type,Weight,Obligations,Primary,Treaties,TreatyIds');
    expect(edges).toContain('CHN,PRK,Undirected,1,DEFENSE,DEFENSE,"Sino-DPRK treaty, ""1961""",sino-dprk-1961');
    const nodes = writeCsv(g, 'nodes').split('\r\n');
    expect(nodes[0]).toBe('Id,Label,Region,CowCode,Allies,Bloc,Color');
    expect(nodes.find((l) => l.startsWith('MNG,'))).toBe('MNG,Mongolia,Asia,712,0,-1,#c8c8c8');
  });

  it('names files by date and format', () => {
    expect(exportFileName('gexf', '2024-12-04')).toBe('entente-alliances-2024-12-04.gexf');
    expect(exportFileName('csv', '2024-12-04')).toBe('entente-alliances-2024-12-04.edges.csv');
    expect(exportFileName('csv-nodes', '2024-12-04')).toBe('entente-alliances-2024-12-04.nodes.csv');
  });

  it('exports end to end as the CLI does, introspecting only for seeds only', async () => {
    const fetch = fakeFetch({ sourceArg: true });
    const { text, counts } = await exportNetwork(fetch, { ...ALL, obligations: ['DEFENSE'] }, 'csv');
    expect(counts).toEqual({ nations: 6, alliances: 3, treaties: 3 });
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(fetch.calls).toHaveLength(1);
    await exportNetwork(fetch, { ...ALL, sources: 'seeds' }, 'gexf');
    expect(fetch.calls.map((c) => c.variables)).toEqual([{ asOf: '2025-01-15' }, {}, { asOf: '2025-01-15', source: 'seeds' }]);
  });
});
