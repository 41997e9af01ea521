-- Issue 14: a memo may be about a deal (MemoKind.DEAL, a part of it): the deal's ID, or null. Older memos have none.
ALTER TABLE memo_view ADD COLUMN deal BIGINT;
-- a deal's page lists its memos
CREATE INDEX memo_view_deal ON memo_view (deal, updated_at DESC NULLS LAST, id DESC);
