/**
 * Every fact the seed pack must carry (the article and the verified facts beside the project), read back
 * from the real graph through the public GraphQL contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dataOf } from '../support/api.ts';
import { seedTestDatabase, testGraph } from '../support/graph.ts';

const graph = testGraph();
const gql = apiClient(graph);
const q = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => dataOf<T>(gql<T>(query, variables));

beforeAll(async () => {
  await seedTestDatabase(graph);
});
afterAll(() => graph.close());

const TREATY = `
  id name kind legalForm signedOn signedAt enteredIntoForceOn termYears indefinite expiresOn terminatedOn terminationCause articleCount
  parties { nation { code } signedOn ratifiedOn inForceFrom leftOn sources { id } }
  signatories { leader { id name } office nation { code } signedOn }
  provisions { article obligation summary quote sources { id } }
  supersedes { id } supersededBy { id }
  milestones { date nation { code } summary }
  caveats { field kind alternative note sources { id } }
  sources { id publisher }`;

const treaty = async (id: string) => (await q<{ treaty: any }>(`query ($id: ID!) { treaty(id: $id) { ${TREATY} } }`, { id })).treaty;
const party = (t: any, code: string) => t.parties.find((p: any) => p.nation.code === code);

describe('the 2024 Russia–DPRK Treaty on Comprehensive Strategic Partnership', () => {
  let t: any;
  beforeAll(async () => {
    t = await treaty('russia-dprk-2024');
  });

  it('was signed on 19 June 2024 in Pyongyang by Putin and Kim Jong Un, with the 18 June conflict recorded', () => {
    expect(t.name).toBe('Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People\'s Republic of Korea');
    expect(t.signedOn).toBe('2024-06-19');
    expect(t.signedAt).toContain('Pyongyang');
    expect(t.signatories.map((s: any) => [s.leader.id, s.nation.code, s.signedOn])).toEqual(
      expect.arrayContaining([['vladimir-putin', 'RUS', '2024-06-19'], ['kim-jong-un', 'PRK', '2024-06-19']]),
    );
    const conflict = t.caveats.find((c: any) => c.field === 'signedOn');
    expect(conflict).toMatchObject({ kind: 'CONFLICT', alternative: '2024-06-18' });
  });

  it('was ratified by both: Russia on 9 November 2024 (after the Duma and the Federation Council), the DPRK on 11 November', () => {
    expect(party(t, 'RUS').ratifiedOn).toBe('2024-11-09');
    expect(party(t, 'PRK').ratifiedOn).toBe('2024-11-11');
    const steps = t.milestones.map((m: any) => m.date);
    expect(steps).toEqual(expect.arrayContaining(['2024-10-24', '2024-11-06', '2024-11-09', '2024-11-11']));
  });

  it('entered into force on 4 December 2024, indefinitely, with 23 articles', () => {
    expect(t.enteredIntoForceOn).toBe('2024-12-04');
    expect(t.indefinite).toBe(true);
    expect(t.articleCount).toBe(23);
    expect(t.caveats.some((c: any) => c.kind === 'UNVERIFIED' && /term|article/i.test(`${c.field} ${c.note}`))).toBe(true);
  });

  it('carries Articles 3, 4, 5, 8 and 16, Article 4 being the defence clause', () => {
    expect(t.provisions.map((p: any) => p.article)).toEqual(expect.arrayContaining(['3', '4', '5', '8', '16']));
    const art4 = t.provisions.find((p: any) => p.article === '4');
    expect(art4.obligation).toBe('DEFENSE');
    expect(art4.quote).toMatch(/Article 51/);
    expect(t.provisions.find((p: any) => p.article === '3').obligation).toBe('CONSULTATION');
    for (const p of t.provisions) expect(p.sources.length).toBeGreaterThan(0);
  });

  it('ended the 2000 treaty on its entry into force', async () => {
    expect(t.supersedes.map((s: any) => s.id)).toContain('russia-dprk-2000');
    const old = await treaty('russia-dprk-2000');
    expect(old.terminatedOn).toBe('2024-12-04');
    expect(old.supersededBy.map((s: any) => s.id)).toContain('russia-dprk-2024');
  });
});

describe('the earlier Soviet/Russian–DPRK documents', () => {
  it('the 1961 Soviet–DPRK treaty is one of the treaties between RUS and PRK, with its lapse recorded as a conflict', async () => {
    const t = await treaty('soviet-dprk-1961');
    expect(t.signedOn).toBe('1961-07-06');
    expect(t.signedAt).toContain('Moscow');
    expect(t.parties.map((p: any) => p.nation.code).sort()).toEqual(['PRK', 'RUS']);
    expect(t.caveats.find((c: any) => c.field === 'terminatedOn')?.kind).toBe('CONFLICT');
    const { treatiesBetween } = await q('{ treatiesBetween(a: "RUS", b: "PRK") { id } }');
    expect(treatiesBetween.map((x: any) => x.id)).toEqual(expect.arrayContaining(['soviet-dprk-1961', 'russia-dprk-2000', 'russia-dprk-2024']));
  });

  it('the 2000 treaty was signed in Pyongyang on 9 February 2000 and has no military-assistance clause', async () => {
    const t = await treaty('russia-dprk-2000');
    expect([t.signedOn, t.signedAt]).toEqual(['2000-02-09', 'Pyongyang']);
    expect(t.provisions.filter((p: any) => p.obligation === 'DEFENSE')).toEqual([]);
  });

  it("Putin's first visit to Pyongyang was on 19–20 July 2000", async () => {
    const { leader } = await q('{ leader(id: "vladimir-putin") { wikidataId visits { from to host { code } } } }');
    expect(leader.wikidataId).toBe('Q7747');
    expect(leader.visits).toEqual(expect.arrayContaining([{ from: '2000-07-19', to: '2000-07-20', host: { code: 'PRK' } }]));
  });
});

describe('the US–Ukraine Bilateral Security Agreement and the other 2024 agreements with Ukraine', () => {
  it('runs ten years from its signature on 13 June 2024, in force on signature', async () => {
    const t = await treaty('us-ukraine-bsa-2024');
    expect([t.signedOn, t.enteredIntoForceOn, t.termYears, t.expiresOn]).toEqual(['2024-06-13', '2024-06-13', 10, '2034-06-13']);
    expect(t.signedAt).toContain('Borgo Egnazia');
    // 11 articles by the fact sheet, nine by one report: the better-cited figure, with the other as a caveat.
    expect(t.articleCount).toBe(11);
    expect(t.caveats).toContainEqual(expect.objectContaining({ field: 'articleCount', kind: 'CONFLICT', alternative: '9' }));
    expect(t.signatories.map((s: any) => s.leader.id).sort()).toEqual(['joe-biden', 'volodymyr-zelenskyy']);
    expect(t.provisions.some((p: any) => p.obligation === 'CONSULTATION')).toBe(true);
  });

  it.each([
    ['uk-ukraine-2024', 'GBR', '2024-01-12'],
    ['germany-ukraine-2024', 'DEU', '2024-02-16'],
    ['france-ukraine-2024', 'FRA', '2024-02-16'],
    ['denmark-ukraine-2024', 'DNK', '2024-02-23'],
    ['italy-ukraine-2024', 'ITA', '2024-02-24'],
    ['canada-ukraine-2024', 'CAN', '2024-02-24'],
    ['japan-ukraine-2024', 'JPN', '2024-06-13'],
  ])('%s: %s and Ukraine signed on %s', async (id, code, date) => {
    const t = await treaty(id);
    expect(t.signedOn).toBe(date);
    expect(t.parties.map((p: any) => p.nation.code).sort()).toEqual([code, 'UKR'].sort());
  });
});

describe("Blinken's remarks of 18 June 2024", () => {
  it('are a statement about Ukraine and NATO, quoted', async () => {
    const { leader } = await q('{ leader(id: "antony-blinken") { tenures { office from to } statements { date quote aboutNations { code } aboutOrganizations { id } sources { url } } } }');
    expect(leader.tenures).toEqual([{ office: 'Secretary of State', from: '2021-01-26', to: '2025-01-20' }]);
    const [statement] = leader.statements;
    expect(statement.date).toBe('2024-06-18');
    expect(statement.quote).toContain("providing a strong bridge to Ukraine's membership in the Alliance");
    expect(statement.aboutNations).toEqual([{ code: 'UKR' }]);
    expect(statement.aboutOrganizations).toEqual([{ id: 'nato' }]);
  });
});

describe('NATO', () => {
  it('has 32 members today, each with its accession date, Finland and Sweden last', async () => {
    const { organization } = await q('{ organization(id: "nato") { foundingTreaty { id } members(asOf: "2026-11-29") { nation { code } from } aspirants { nation { code } } } }');
    expect(organization.foundingTreaty.id).toBe('north-atlantic-treaty');
    expect(organization.members).toHaveLength(32);
    const from = Object.fromEntries(organization.members.map((m: any) => [m.nation.code, m.from]));
    expect(from).toMatchObject({ USA: '1949-08-24', GRC: '1952-02-18', TUR: '1952-02-18', DEU: '1955-05-06', ESP: '1982-05-30', POL: '1999-03-12', EST: '2004-03-29', HRV: '2009-04-01', MNE: '2017-06-05', FIN: '2023-04-04', SWE: '2024-03-07' });
    expect(organization.aspirants).toEqual([{ nation: { code: 'UKR' } }]);
  });

  it('the North Atlantic Treaty counts Sweden as a party from 7 March 2024, not before', async () => {
    const { before, on } = await q(`{
      before: treaties(filter: { party: "SWE", inForceOn: "2024-03-06" }) { totalCount }
      on: treaties(filter: { party: "SWE", inForceOn: "2024-03-07" }) { edges { node { id } } }
    }`);
    expect(before.totalCount).toBe(0);
    expect(on.edges.map((e: any) => e.node.id)).toEqual(['north-atlantic-treaty']);
  });
});

describe('the wider alliances', () => {
  it.each([
    ['sino-dprk-1961', '1961-07-11', '1961-09-10', ['CHN', 'PRK']],
    ['us-japan-1960', '1960-01-19', '1960-06-23', ['JPN', 'USA']],
    ['us-rok-1953', '1953-10-01', '1954-11-17', ['KOR', 'USA']],
    ['anzus', '1951-09-01', '1952-04-29', ['AUS', 'NZL', 'USA']],
    ['collective-security-treaty', '1992-05-15', '1994-04-20', ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']],
  ])('%s: signed %s, in force %s, between %j, with a defence clause', async (id, signed, inForce, parties) => {
    const t = await treaty(id);
    expect([t.signedOn, t.enteredIntoForceOn]).toEqual([signed, inForce]);
    expect([...new Set(t.parties.map((p: any) => p.nation.code))].sort()).toEqual(parties);
    expect(t.provisions.some((p: any) => p.obligation === 'DEFENSE')).toBe(true);
  });

  it('the US–ROK entry into force is recorded with the conflicting 18 November date', async () => {
    const t = await treaty('us-rok-1953');
    expect(t.caveats).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'enteredIntoForceOn', kind: 'CONFLICT', alternative: '1954-11-18' })]));
  });

  it('the CSTO lists its members with their dates, the 1999 departures included', async () => {
    const { organization } = await q('{ organization(id: "csto") { foundingTreaty { id } members { nation { code } from to } } }');
    expect(organization.foundingTreaty.id).toBe('collective-security-treaty');
    const georgia = organization.members.filter((m: any) => m.nation.code === 'GEO');
    expect(georgia).toEqual([{ nation: { code: 'GEO' }, from: '1994-04-20', to: '1999-04-20' }]);
  });
});

describe('leaders and tenures', () => {
  it.each([
    ['joe-biden', 'USA', 'President of the United States', '2021-01-20', '2025-01-20'],
    ['volodymyr-zelenskyy', 'UKR', 'President of Ukraine', '2019-05-20', null],
    ['kim-jong-un', 'PRK', 'President of the State Affairs', '2016-06-29', null],
    ['vladimir-putin', 'RUS', 'President of the Russian Federation', '2012-05-07', null],
  ])('%s held office in %s as %s from %s to %s', async (id, code, office, from, to) => {
    const { leader } = await q('query ($id: ID!) { leader(id: $id) { tenures { office nation { code } from to sources { id } } } }', { id });
    const tenure = leader.tenures.find((t: any) => t.office === office && t.from === from);
    expect(tenure).toMatchObject({ nation: { code }, to });
    expect(tenure.sources.length).toBeGreaterThan(0);
  });

  it("Stoltenberg was NATO's Secretary General from 1 October 2014 until Rutte took over on 1 October 2024", async () => {
    const { leader } = await q('{ leader(id: "jens-stoltenberg") { tenures { office nation { code } organization { id name } from to sources { url } } } }');
    const general = leader.tenures.filter((t: any) => t.organization !== null);
    expect(general).toEqual([{
      office: 'Secretary General of NATO', nation: null, organization: { id: 'nato', name: 'North Atlantic Treaty Organization' },
      from: '2014-10-01', to: '2024-10-01', sources: expect.arrayContaining([{ url: 'https://www.nato.int/cps/en/natohq/news_113404.htm' }]),
    }]);
    // His offices of Norway stay Norway's, and NATO's office is no office of Norway.
    expect(leader.tenures.filter((t: any) => t.nation?.code === 'NOR').map((t: any) => t.office)).toEqual(['Prime Minister of Norway', 'Prime Minister of Norway']);
    const { nation } = await q('{ nation(code: "NOR") { tenures { office } leaders(asOf: "2020-01-01") { office } } }');
    expect(nation.tenures.map((t: any) => t.office)).not.toContain('Secretary General of NATO');
    expect(nation.leaders).toEqual([]);

    const holders = async (asOf: string) =>
      (await q('query ($asOf: Date) { organization(id: "nato") { leaders(asOf: $asOf) { leader { id } office from to } } }', { asOf })).organization.leaders
        .map((t: any) => `${t.leader.id} ${t.office} ${t.from}..${t.to ?? ''}`);
    expect(await holders('2014-09-30')).toEqual([]);
    expect(await holders('2014-10-01')).toEqual(['jens-stoltenberg Secretary General of NATO 2014-10-01..2024-10-01']);
    expect(await holders('2024-06-18')).toEqual(['jens-stoltenberg Secretary General of NATO 2014-10-01..2024-10-01']);
    expect(await holders('2024-10-01')).toEqual(['mark-rutte Secretary General of NATO 2024-10-01..']);
    const { organization } = await q('{ organization(id: "nato") { tenures { leader { name wikidataId } organization { id } nation { code } } } }');
    expect(organization.tenures).toEqual([
      { leader: { name: 'Jens Stoltenberg', wikidataId: 'Q57665' }, organization: { id: 'nato' }, nation: null },
      { leader: { name: 'Mark Rutte', wikidataId: 'Q57792' }, organization: { id: 'nato' }, nation: null },
    ]);
  });

  it("Russia carries the Soviet Union's name and period (COW 365)", async () => {
    const { nation } = await q('{ nation(code: "RUS") { cowCode historicalNames { name from to } periods { from to } } }');
    expect(nation.cowCode).toBe(365);
    expect(nation.historicalNames.map((n: any) => n.name)).toContain('Union of Soviet Socialist Republics');
    // The COW state list (v2016) gives Russia one continuous spell from 1816.
    expect(nation.periods).toEqual([{ from: '1816-01-01', to: null }]);
  });
});

describe('citations', () => {
  it('every treaty, party and provision cites at least one source', async () => {
    const { treaties } = await q(`{ treaties(first: 100) { totalCount edges { node { id sources { id } parties { sources { id } } provisions { sources { id } } } } } }`);
    expect(treaties.totalCount).toBeGreaterThanOrEqual(18);
    for (const { node } of treaties.edges) {
      expect(node.sources.length, node.id).toBeGreaterThan(0);
      for (const p of node.parties) expect(p.sources.length, node.id).toBeGreaterThan(0);
      for (const p of node.provisions) expect(p.sources.length, node.id).toBeGreaterThan(0);
    }
  });
});
