-- The secondary indexes of the read models that a rebuild dropped to load the tables faster (PostgreSQL; see
-- ReadModelIndexes): each is recorded here in the transaction that drops it and deleted in the one that creates
-- it again, so a rebuild that dies in between leaves the definitions here and the next start creates them.
CREATE TABLE crm_rebuild_index (
    name       VARCHAR(200)  NOT NULL PRIMARY KEY,
    definition VARCHAR(4000) NOT NULL
);
