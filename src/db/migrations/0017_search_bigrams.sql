-- Substring search an index serves (src/db/search.ts): every two-character piece of a text, lower-cased.
-- pg_trgm needs three characters, and a Chinese name is searched by two (华星); its GIN index on the
-- pieces answers `fy_bigrams(col) @> fy_bigrams(query)`, and ILIKE then checks the order.
CREATE FUNCTION fy_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(substr(lower(t), i, 2)), '{}') FROM generate_series(1, length(t) - 1) i $$;--> statement-breakpoint
CREATE INDEX "cases_number_bigrams" ON "cases" USING gin (fy_bigrams("number"));--> statement-breakpoint
CREATE INDEX "customers_name_bigrams" ON "customers" USING gin (fy_bigrams("name"));--> statement-breakpoint
CREATE INDEX "documents_created" ON "documents" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "documents_number_bigrams" ON "documents" USING gin (fy_bigrams("number"));--> statement-breakpoint
CREATE INDEX "tickets_problem_bigrams" ON "tickets" USING gin (fy_bigrams("problem"));