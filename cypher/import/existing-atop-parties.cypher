MATCH (:Nation)-[r:PARTY_TO {origin: 'atop'}]->(:Treaty)
RETURN r.importKey AS key, r.importHash AS hash
