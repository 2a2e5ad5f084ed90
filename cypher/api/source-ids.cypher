// The ids of the sources a user's `source` text names: by id, title or publisher, exactly.
// In: source (text or null). Out: sourceIds (null when source is null).
WITH *, CASE WHEN source IS NULL THEN null
  ELSE COLLECT { MATCH (s:Source) WHERE s.id = source OR s.title = source OR s.publisher = source RETURN s.id }
  END AS sourceIds
