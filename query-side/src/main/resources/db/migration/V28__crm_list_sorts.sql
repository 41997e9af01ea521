-- Issue 14 (the CRM lists at 10^5-10^6 rows, docs/benchmarks.md "Issue 14: the CRM lists"): an index for each sort
-- a CRM list is read in that its page offers with a filter, in the order Sort.orderBy writes (the field in its
-- direction with NULLS LAST, then id DESC), so that a page is read from the index instead of sorting every row the
-- filter keeps (EXPLAIN at 10^5 rows per kind: a top-N sort of 16,000-100,000 rows, 50-150 ms). A sort without an
-- index still works; it costs a sort of the rows its filter and the viewer's rule keep.
CREATE INDEX deal_view_stage_amount ON deal_view (stage, amount DESC NULLS LAST, id DESC);
CREATE INDEX deal_view_next_step_date ON deal_view (next_step_date ASC NULLS LAST, id DESC);
CREATE INDEX payment_view_status_date ON payment_view (status, date DESC NULLS LAST, id DESC);
CREATE INDEX payment_view_date ON payment_view (date DESC NULLS LAST, id DESC);
