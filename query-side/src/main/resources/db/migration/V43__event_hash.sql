-- Issue 17: every stored event carries a hash (SHA-256, 64 hex digits) that chains it to the previous event of
-- the same object. Written when the event is appended; events stored before this change get theirs in a
-- one-off, recorded step (docs/auditing.md). NULL only for events not yet chained.
ALTER TABLE domainevententry ADD COLUMN hash VARCHAR(64);
