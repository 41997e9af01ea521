-- PostgreSQL only (see V15_1, V18): trigram indexes for the text search of requests, one per searched expression of
-- FieldsTables.textCondition (its title, the required subject, as it is; other searched fields with a missing value
-- as '').
DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX request_view_subject_trgm ON request_view USING gin (LOWER(subject) ' || ops || ')';
    EXECUTE 'CREATE INDEX request_view_first_name_trgm ON request_view USING gin (LOWER(COALESCE(first_name, '''')) '
        || ops || ')';
    EXECUTE 'CREATE INDEX request_view_last_name_trgm ON request_view USING gin (LOWER(COALESCE(last_name, '''')) '
        || ops || ')';
    EXECUTE 'CREATE INDEX request_view_company_name_trgm ON request_view USING gin '
        || '(LOWER(COALESCE(company_name, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX request_view_email_trgm ON request_view USING gin (LOWER(COALESCE(email, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX request_view_phone_trgm ON request_view USING gin (LOWER(COALESCE(phone, '''')) ' || ops || ')';
END $$;
