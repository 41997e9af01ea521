-- PostgreSQL only (see V15_1, V18): trigram indexes for the text search of campaigns, one per searched expression of
-- FieldsTables.textCondition (its required name as it is; its subject with a missing value as '').
DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX campaign_view_name_trgm ON campaign_view USING gin (LOWER(name) ' || ops || ')';
    EXECUTE 'CREATE INDEX campaign_view_subject_trgm ON campaign_view USING gin (LOWER(COALESCE(subject, '''')) '
            || ops || ')';
END $$;
