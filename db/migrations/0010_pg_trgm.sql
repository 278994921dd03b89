-- Trigram indexes let the dashboard find a payment by part of its reference or customer email
-- without reading every row (PGlite loads the extension too, in db/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
