-- PostgreSQL only (see V15_1, V18): trigram indexes for the text search of leads and products, one per searched
-- expression of FieldsTables.textCondition (a title of several fields as they read together; other searched fields
-- with a missing value as ''; a required name as it is).
DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX lead_view_name_trgm ON lead_view USING gin (LOWER(COALESCE(first_name, '''') || '' '' '
        || '|| COALESCE(last_name, '''') || '' '' || COALESCE(company_name, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX lead_view_email_trgm ON lead_view USING gin (LOWER(COALESCE(email, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX lead_view_phone_trgm ON lead_view USING gin (LOWER(COALESCE(phone, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX product_view_name_trgm ON product_view USING gin (LOWER(name) ' || ops || ')';
    EXECUTE 'CREATE INDEX product_view_category_trgm ON product_view USING gin (LOWER(COALESCE(category, '''')) '
        || ops || ')';
END $$;
