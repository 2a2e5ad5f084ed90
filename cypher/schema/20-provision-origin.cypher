CREATE INDEX provision_origin IF NOT EXISTS FOR (p:Provision) ON (p.origin)
