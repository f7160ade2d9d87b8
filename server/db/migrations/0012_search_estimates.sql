CREATE INDEX "threads_created_idx" ON "threads" USING btree ("created_at","id");--> statement-breakpoint
-- How many rows of a table match a search, as the planner estimates it from the column's statistics
-- (pg_stats most_common_elems of the tsvector), without reading a row (#13 §2). Counting every match of
-- a common word costs as much as the search itself (782 ms for "feedback" in 535,000 replies); the
-- search counts exactly only where this says the matches are few, and sorts out common words by it.
-- The table is one of Copse's own (a regclass the search code names), the query is quoted (%L).
CREATE FUNCTION copse_search_estimate(tbl regclass, query tsquery) RETURNS bigint
LANGUAGE plpgsql VOLATILE STRICT AS $$ -- VOLATILE: EXPLAIN is refused in a stable function
DECLARE
  plan json;
BEGIN
  EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %s WHERE search @@ %L::tsquery', tbl, query::text)
    INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END
$$;
--> statement-breakpoint
-- The three stemmings of a word are often the same lexeme ("rubric" | "rubric" | "rubric"): OR-ed, the
-- planner counts each as another chance to match and estimates three times the rows. The same matches,
-- with each distinct stemming once.
CREATE OR REPLACE FUNCTION copse_tsquery(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT CASE
    WHEN nl = en AND it = en THEN en
    WHEN nl = en OR nl = it THEN en || it
    WHEN it = en THEN en || nl
    ELSE en || nl || it END
  FROM (SELECT websearch_to_tsquery('copse_en'::regconfig, words) AS en,
    websearch_to_tsquery('copse_nl'::regconfig, words) AS nl,
    websearch_to_tsquery('copse_it'::regconfig, words) AS it) AS stemmed $$;
