-- A live rebuild (LiveRebuild) fills copies of the read models' tables in crm_shadow, then moves the live tables to
-- crm_retired and the copies in their place, in one transaction; the retired tables are dropped after it.
CREATE SCHEMA IF NOT EXISTS crm_shadow;
CREATE SCHEMA IF NOT EXISTS crm_retired;
