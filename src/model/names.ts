/**
 * A node's aliases as one text: what the name filters (`CONTAINS`, src/api/translate/roots.ts) and the
 * full-text index `search_names` (cypher/schema/) read beside its name. Written by the seed loader and by
 * the imports alike, so that a name is found the same way wherever it came from.
 */
export const aliasText = (aliases: readonly string[]): string => aliases.join(' | ');
