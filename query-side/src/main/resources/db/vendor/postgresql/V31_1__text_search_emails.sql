-- PostgreSQL only (see V15_1, V18): trigram indexes for the text search of e-mails, one per searched expression of
-- FieldsTables.textCondition (its title, the required subject, as it is; its recipients with a missing value as '').
DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX email_view_subject_trgm ON email_view USING gin (LOWER(subject) ' || ops || ')';
    EXECUTE 'CREATE INDEX email_view_to_trgm ON email_view USING gin (LOWER(COALESCE(to_, '''')) ' || ops || ')';
END $$;
