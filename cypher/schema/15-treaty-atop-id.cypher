CREATE INDEX treaty_atop_id IF NOT EXISTS FOR (t:Treaty) ON (t.atopId)
