-- PostgreSQL only (see V13_1): trigram indexes for the text search of companies and contacts (their lists' q and
-- the search bar), which otherwise reads every row. The expressions are the queries' own (CompanyQueries.TEXT,
-- ContactQueries.TEXT).
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX company_view_name_trgm ON company_view USING gin (LOWER(name) ' || ops || ')';
    EXECUTE 'CREATE INDEX company_view_email_trgm ON company_view USING gin (LOWER(COALESCE(email, '''')) '
        || ops || ')';
    EXECUTE 'CREATE INDEX company_view_phone_trgm ON company_view USING gin (LOWER(COALESCE(phone, '''')) '
        || ops || ')';
    EXECUTE 'CREATE INDEX contact_view_name_trgm ON contact_view USING gin '
        || '(LOWER(COALESCE(first_name, '''') || '' '' || COALESCE(last_name, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX contact_view_email_trgm ON contact_view USING gin (LOWER(COALESCE(email, '''')) '
        || ops || ')';
    EXECUTE 'CREATE INDEX contact_view_phone_trgm ON contact_view USING gin (LOWER(COALESCE(phone, '''')) '
        || ops || ')';
END $$;
