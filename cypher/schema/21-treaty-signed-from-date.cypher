CREATE INDEX treaty_signed_from_date IF NOT EXISTS FOR (t:Treaty) ON (t.signedFromDate)
