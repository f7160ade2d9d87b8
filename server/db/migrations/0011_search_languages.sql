-- Search in English, Dutch and Italian (#13 §2): every searchable text is indexed with the stems of all
-- three languages, accents folded (unaccent), so "vergaderingen" finds "vergadering", "valutazione"
-- finds "valutazioni" and "perche" finds "perché". A query is stemmed the same three ways and the
-- three are OR-ed (copse_tsquery). Language-neutral: a post needs no language of its own.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION copse_en (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION copse_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION copse_nl (COPY = dutch);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION copse_nl ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION copse_it (COPY = italian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION copse_it ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;--> statement-breakpoint
-- The Dutch and Italian parts leave out English stop words (as the Dutch and Italian stemmers give
-- them), or "the" and "and" would be in every reply and match everything.
CREATE FUNCTION copse_tsvector(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN to_tsvector('copse_en'::regconfig, body) || ts_delete(
    to_tsvector('copse_nl'::regconfig, body) || to_tsvector('copse_it'::regconfig, body),
    '{a,about,abov,after,again,against,all,am,an,and,any,are,as,at,be,becaus,been,befor,being,below,ben,between,betwen,both,but,by,can,did,do,does,doing,don,down,during,each,few,for,from,further,had,has,hav,having,he,her,hers,herself,him,himself,his,how,i,if,into,is,it,its,itself,just,me,mor,most,my,myself,no,nor,not,now,of,off,on,onc,once,only,or,other,our,ours,ourselves,out,over,own,s,sam,she,should,so,som,such,t,than,that,the,their,theirs,them,themselves,then,ther,thes,they,this,thos,throug,through,to,too,under,until,up,very,was,we,wer,what,when,wher,whic,which,whil,who,whom,why,will,with,you,your,yours,yourself,yourselves}'::text[]);--> statement-breakpoint
CREATE FUNCTION copse_tsquery(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN websearch_to_tsquery('copse_en'::regconfig, words) || websearch_to_tsquery('copse_nl'::regconfig, words)
    || websearch_to_tsquery('copse_it'::regconfig, words);--> statement-breakpoint
-- The query results are ranked by: every word of the query once, OR-ed (negated ones too, as ts_rank
-- counts them). ts_rank of it is the rank on every database, and RUM's order for it (<=>) is the same.
CREATE FUNCTION copse_rank_tsquery(query tsquery) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce(string_agg(DISTINCT m[1], ' | '), '')::tsquery
  FROM regexp_matches(query::text, '''(?:[^'']|'''')*''', 'g') AS m $$;--> statement-breakpoint
ALTER TABLE "communities" drop column "search";--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(copse_tsvector(name), 'A') || setweight(copse_tsvector(search_document), 'B')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ALTER COLUMN "search" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "communities_search_idx" ON "communities" USING gin ("search");--> statement-breakpoint
ALTER TABLE "posts" drop column "search";--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (copse_tsvector(body)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin ("search");--> statement-breakpoint
ALTER TABLE "threads" drop column "search";--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(copse_tsvector(title), 'A') || setweight(copse_tsvector(body), 'B')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "threads_search_idx" ON "threads" USING gin ("search");--> statement-breakpoint
ALTER TABLE "resources" drop column "search";--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(copse_tsvector(title), 'A') || setweight(copse_tsvector(description), 'B') || setweight(copse_tsvector(body), 'C')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");--> statement-breakpoint
-- Where the RUM access method is installed (Debian: postgresql-15-rum), replies are also indexed with
-- positions so the best matches come out of the index in rank order (search <=> query). Without it
-- (PGlite, a PostgreSQL without the package) the GIN index answers the same queries, ranking every match.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
    CREATE EXTENSION IF NOT EXISTS rum;
    CREATE INDEX posts_search_rum_idx ON posts USING rum (search rum_tsvector_ops);
  END IF;
END
$$;
