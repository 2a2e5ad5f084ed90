/** The questions the page asks, one operation per panel, named so the server's logs say who asked. */
import type { Obligation } from '../../src/export/network.ts';
import type { NationListing } from './network-protocol.ts';
import type { Period } from './dates.ts';

export interface NationRef { code: string; name: string }
export interface OrganizationRef { id: string; name: string }
export interface TreatyRef { id: string; name: string }
export interface SourceInfo { url: string | null; publisher: string | null; title: string | null; publishedOn: string | null }
export interface ProvisionInfo { article: string; obligation: Obligation; summary: string | null; quote: string | null; treaty: TreatyRef }
export interface AllianceInfo { nation: NationRef; treaties: TreatyRef[]; obligations: Obligation[]; provisions: ProvisionInfo[] }
/** The roles the leaders data set (Wikidata) records for a tenure. */
export type LeaderRole = 'HEAD_OF_STATE' | 'HEAD_OF_GOVERNMENT';
export interface EventInfo { date: string; kind: string; summary: string; treaty: TreatyRef | null; nation: NationRef | null; leader: { id: string; name: string } | null; organization: { id: string; name: string } | null }

export const NATION_QUERY = /* GraphQL */ `
  query EntenteNation($code: ID!, $asOf: Date) {
    nation(code: $code) {
      code name nameThen: nameOn(asOf: $asOf) cowCode region
      leaders(asOf: $asOf) { office roles from to acting leader { id name } }
      organizations(asOf: $asOf) { from to organization { id name kind } }
    }
    alliesOf(code: $code, asOf: $asOf) { ...Alliance }
    defendersOf(code: $code, asOf: $asOf) { ...Alliance }
    timeline(code: $code) {
      date kind summary
      treaty { id name } nation { code name } leader { id name } organization { id name }
    }
  }
  fragment Alliance on Alliance {
    nation { code name: nameOn(asOf: $asOf) }
    treaties { id name }
    obligations
    provisions { article obligation summary quote treaty { id name } }
  }
`;
export interface NationResult {
  nation: {
    code: string; name: string; nameThen: string; cowCode: number | null; region: string | null;
    leaders: { office: string; roles: LeaderRole[]; from: string | null; to: string | null; acting: boolean | null; leader: { id: string; name: string } }[];
    organizations: { from: string | null; to: string | null; organization: { id: string; name: string; kind: string | null } }[];
  } | null;
  alliesOf: AllianceInfo[];
  defendersOf: AllianceInfo[];
  timeline: EventInfo[];
}

export const TREATY_QUERY = /* GraphQL */ `
  query EntenteTreaty($id: ID!, $asOf: Date) {
    treaty(id: $id) {
      id name kind summary signedOn signedAt enteredIntoForceOn expiresOn terminatedOn terminationCause
      status(asOf: $asOf)
      parties { nation { code name } signedOn ratifiedOn inForceFrom leftOn standing }
      milestones { date summary nation { code name } }
      caveats { field kind alternative note }
      signatories { leader { id name } office nation { code name } signedOn }
      provisions { article obligation summary quote }
      sources { url publisher title publishedOn }
      supersedes { id name }
      supersededBy { id name }
    }
  }
`;
export interface TreatyResult {
  treaty: {
    id: string; name: string; kind: string | null; summary: string | null; signedOn: string | null; signedAt: string | null;
    enteredIntoForceOn: string | null; expiresOn: string | null; terminatedOn: string | null; terminationCause: string | null;
    status: string;
    milestones: { date: string; summary: string; nation: NationRef | null }[];
    caveats: { field: string; kind: string; alternative: string | null; note: string }[];
    parties: { nation: NationRef; signedOn: string | null; ratifiedOn: string | null; inForceFrom: string | null; leftOn: string | null; standing: boolean }[];
    signatories: { leader: { id: string; name: string } | null; office: string | null; nation: NationRef; signedOn: string | null }[];
    provisions: Omit<ProvisionInfo, 'treaty'>[];
    sources: SourceInfo[];
    supersedes: TreatyRef[];
    supersededBy: TreatyRef[];
  } | null;
}

export const LEADER_QUERY = /* GraphQL */ `
  query EntenteLeader($id: ID!) {
    leader(id: $id) { id name wikidataId tenures { office roles acting nation { code name } organization { id name } from to endUnknown } }
  }
`;
export interface LeaderResult {
  leader: {
    id: string; name: string; wikidataId: string | null;
    /** An office of a nation (`nation`) or of an organization (`organization`: NATO's Secretary General). */
    tenures: { office: string; roles: LeaderRole[]; acting: boolean | null; nation: NationRef | null; organization: OrganizationRef | null; from: string | null; to: string | null; endUnknown: boolean }[];
  } | null;
}

export const SEARCH_QUERY = /* GraphQL */ `
  query EntenteSearch($text: String!) { search(text: $text, first: 12) { kind id name score } }
`;
export interface SearchResult { search: { kind: string; id: string; name: string; score: number }[] }

/**
 * Every nation in the graph, a page at a time: the path finder's list (not only those drawn at the date), and
 * the periods the map needs to tell a state from land that was then part of another.
 */
export const NATION_LIST_QUERY = /* GraphQL */ `
  query EntenteNationList($after: String) {
    nations(first: 100, after: $after) {
      edges { node { code name region periods { from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
export interface NationListResult {
  nations: { edges: { node: NationListing & { periods: Period[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export const PATH_QUERY = /* GraphQL */ `
  query EntentePath($from: ID!, $to: ID!, $asOf: Date, $obligations: [Obligation!]) {
    alliancePath(from: $from, to: $to, asOf: $asOf, obligations: $obligations) {
      nations { code name }
      hops { treaty { id name } obligations }
    }
  }
`;
export interface PathResult {
  alliancePath: { nations: NationRef[]; hops: { treaty: TreatyRef; obligations: Obligation[] }[] } | null;
}

export const ORGANIZATION_QUERY = /* GraphQL */ `
  query EntenteOrganization($id: ID!, $asOf: Date) {
    organization(id: $id) {
      id name kind founded
      foundingTreaty { id name }
      members(asOf: $asOf) { nation { code name } from to }
      aspirants { nation { code name } since note }
      tenures { office leader { id name } from to }
      sources { url publisher title publishedOn }
    }
  }
`;
export interface OrganizationResult {
  organization: {
    id: string; name: string; kind: string | null; founded: string | null;
    foundingTreaty: TreatyRef | null;
    members: { nation: NationRef; from: string | null; to: string | null }[];
    aspirants: { nation: NationRef; since: string | null; note: string | null }[];
    /** The holders of its offices (its Secretaries General), earliest first. */
    tenures: { office: string; leader: { id: string; name: string }; from: string | null; to: string | null }[];
    sources: SourceInfo[];
  } | null;
}
