MATCH (:Leader)-[h:HELD {origin: 'wikidata'}]->(:Nation)
RETURN h.importKey AS key, h.importHash AS hash
