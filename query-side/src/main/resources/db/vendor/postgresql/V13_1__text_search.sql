-- PostgreSQL only (spring.flyway.locations: classpath:db/vendor/{vendor}): trigram indexes that serve the
-- lists' text search, LOWER(title) LIKE '%…%' OR LOWER(COALESCE(description, '')) LIKE '%…%', which
-- otherwise reads every row. H2 keeps its plain LIKE. A vendor migration takes the version of the last
-- common one (db/migration) plus .1, .2, …, so the next common one can always take the next whole number.
--
-- The extension goes to schema public, where every schema of the database can use it (the tests migrate a
-- schema of their own per test class and drop it afterwards); its operator class is named with the schema it
-- is in, wherever that is.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX memo_view_title_trgm ON memo_view USING gin (LOWER(title) ' || ops || ')';
    EXECUTE 'CREATE INDEX memo_view_description_trgm ON memo_view USING gin (LOWER(COALESCE(description, '''')) '
        || ops || ')';
    EXECUTE 'CREATE INDEX task_view_title_trgm ON task_view USING gin (LOWER(title) ' || ops || ')';
    EXECUTE 'CREATE INDEX task_view_description_trgm ON task_view USING gin (LOWER(COALESCE(description, '''')) '
        || ops || ')';
END $$;
