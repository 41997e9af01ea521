-- The events not chained yet (hash NULL): empty once the chaining step has run, so that each start-up finds in an
-- instant that there is nothing to chain (docs/auditing.md).
CREATE INDEX domainevententry_unchained ON domainevententry (aggregateidentifier, sequencenumber) WHERE hash IS NULL;
