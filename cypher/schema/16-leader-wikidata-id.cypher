CREATE INDEX leader_wikidata_id IF NOT EXISTS FOR (l:Leader) ON (l.wikidataId)
