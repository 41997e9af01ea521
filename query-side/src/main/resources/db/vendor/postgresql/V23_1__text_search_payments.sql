-- PostgreSQL only (see V15_1, V18, V25): trigram indexes for the text search of payments, one per searched expression
-- of FieldsTables.textCondition (its title, amount and currency as they read together; the numbers with a missing
-- value as '').
DO $$
DECLARE
    ops TEXT := (SELECT quote_ident(n.nspname) || '.gin_trgm_ops' FROM pg_extension e
                 JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE 'CREATE INDEX payment_view_title_trgm ON payment_view USING gin (LOWER(COALESCE(CAST(amount AS '
        || 'VARCHAR(40)), '''') || '' '' || COALESCE(currency, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX payment_view_contract_number_trgm ON payment_view USING gin '
        || '(LOWER(COALESCE(contract_number, '''')) ' || ops || ')';
    EXECUTE 'CREATE INDEX payment_view_invoice_number_trgm ON payment_view USING gin '
        || '(LOWER(COALESCE(invoice_number, '''')) ' || ops || ')';
END $$;
