-- PostgreSQL only (see V15_1, V18, V25): the trigram index for the text search of deals, on the expression of
-- FieldsTables.textCondition (a required name as it is).
DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX deal_view_name_trgm ON deal_view USING gin (LOWER(name) ' || ops || ')';
END $$;
