/**
 * What a legitimate heavy user asks, for the limits to let through: an analyst's query with 19 aliased root
 * fields, one fragment nesting 10 levels (leaves included), a 100-item page and the widest network.
 */
export const ANALYST_QUERY = /* GraphQL */ `
  query Analyst($asOf: Date = "2024-07-01") {
    usa: nation(code: "USA") { ...Deep }
    rus: nation(code: "RUS") { ...Deep }
    prk: nation(code: "PRK") { code name }
    kor: nation(code: "KOR") { code name }
    ukr: nation(code: "UKR") { code name region }
    nato: organization(id: "nato") { id name members(asOf: $asOf) { nation { code } from } }
    usaAllies: alliesOf(code: "USA", asOf: $asOf) { nation { code } obligations }
    rusAllies: alliesOf(code: "RUS", asOf: $asOf) { nation { code } obligations }
    prkDefenders: defendersOf(code: "PRK", asOf: $asOf) { nation { code } treaties { id } }
    ukrDefenders: defendersOf(code: "UKR", asOf: $asOf) { nation { code } }
    rusPrk: treatiesBetween(a: "RUS", b: "PRK") { id name signedOn status(asOf: $asOf) }
    usaKor: treatiesBetween(a: "USA", b: "KOR", asOf: $asOf) { id name }
    path: alliancePath(from: "PRK", to: "USA", asOf: $asOf, maxHops: 6) { nations { code } hops { treaty { id } obligations } }
    inForce: treaties(filter: { inForceOn: $asOf }, first: 50) { totalCount edges { node { id name parties { nation { code } } } } }
    defence: treaties(filter: { obligation: DEFENSE }, orderBy: { field: NAME }, first: 20) { totalCount pageInfo { hasNextPage endCursor } }
    found: search(text: "korea", first: 10) { kind id name }
    net: allianceNetwork(asOf: $asOf, obligations: [DEFENSE]) { nodes { code } edges { a { code } b { code } obligations } }
    events: timeline(code: "PRK", during: { from: "2000-01-01", to: "2024-12-31" }) { date kind summary }
    europe: nations(filter: { region: "Europe & Central Asia" }, first: 100) { totalCount edges { node { code name } } }
  }
  fragment Deep on Nation {
    code
    treaties(asOf: $asOf) {
      id
      parties {
        nation {
          code
          treaties(asOf: $asOf) {
            id
            provisions { article obligation treaty { id parties { nation { code } } } }
          }
        }
      }
    }
  }
`;

/** The deepest path the limits must allow (9 levels with the leaf). */
export const DEEPEST_PATH_QUERY = /* GraphQL */ `
  {
    nation(code: "USA") {
      treaties { parties { nation { allies(asOf: "2024-07-01") { treaties { provisions { treaty { name } } } } } } }
    }
  }
`;
