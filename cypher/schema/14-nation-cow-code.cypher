CREATE INDEX nation_cow_code IF NOT EXISTS FOR (n:Nation) ON (n.cowCode)
