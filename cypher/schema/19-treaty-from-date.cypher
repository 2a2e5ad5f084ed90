CREATE INDEX treaty_from_date IF NOT EXISTS FOR (t:Treaty) ON (t.fromDate)
