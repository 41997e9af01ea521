-- PostgreSQL only (see V15_1): the text search of a kind of fields by name looks in every searched field
-- (FieldsTables.textCondition: names, e-mails, phones, and fields declared searched); with a trigram index on each,
-- its OR is a BitmapOr of index scans instead of a read of every row. These are the two V15_1 did not cover.
DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX company_view_alternative_names_trgm ON company_view USING gin '
        || '(LOWER(COALESCE(alternative_names, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX contact_view_mobile_trgm ON contact_view USING gin (LOWER(COALESCE(mobile, '''')) '
        || ops || ')';
END $$;
