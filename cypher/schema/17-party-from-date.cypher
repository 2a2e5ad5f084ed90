CREATE INDEX party_from_date IF NOT EXISTS FOR ()-[p:PARTY_TO]-() ON (p.fromDate)
