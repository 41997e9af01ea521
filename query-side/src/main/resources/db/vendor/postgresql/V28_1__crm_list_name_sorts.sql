-- Issue 14 (docs/benchmarks.md "Issue 14: the CRM lists"): the lists sorted by a name sort by its lower case
-- (FieldsTables.sorts: LOWER(column)), which only an index on the expression serves; PostgreSQL only (V28 has the
-- plain columns' sorts). Each in the order Sort.orderBy writes: the name ASC NULLS LAST, then id DESC.
CREATE INDEX company_view_name_sort ON company_view (LOWER(name) ASC NULLS LAST, id DESC);
CREATE INDEX contact_view_last_name_sort ON contact_view (LOWER(last_name) ASC NULLS LAST, id DESC);
CREATE INDEX lead_view_last_name_sort ON lead_view (LOWER(last_name) ASC NULLS LAST, id DESC);
CREATE INDEX lead_view_company_name_sort ON lead_view (LOWER(company_name) ASC NULLS LAST, id DESC);
CREATE INDEX product_view_name_sort ON product_view (LOWER(name) ASC NULLS LAST, id DESC);
CREATE INDEX request_view_subject_sort ON request_view (LOWER(subject) ASC NULLS LAST, id DESC);
CREATE INDEX deal_view_name_sort ON deal_view (LOWER(name) ASC NULLS LAST, id DESC);
