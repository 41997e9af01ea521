-- A live rebuild of the read models (issue 17; LiveRebuild): one row per rebuilt set, its progress written in the
-- transaction of each batch it applies to the shadow tables, so that a rebuild cut short by a crash resumes from
-- `position` (the highest global index applied) and `gaps` (indexes below it not seen yet, comma-separated).
-- Which instance runs it is decided by a PostgreSQL advisory lock held by its connection; `owner` names it.
CREATE TABLE crm_live_rebuild (
    name           VARCHAR(100)             NOT NULL PRIMARY KEY,
    state          VARCHAR(20)              NOT NULL,
    position       BIGINT                   NOT NULL,
    gaps           VARCHAR                  NOT NULL,
    done           BIGINT                   NOT NULL,
    run_done_from  BIGINT                   NOT NULL,
    resumed_from   BIGINT,
    processors     VARCHAR                  NOT NULL,
    tables         VARCHAR                  NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    run_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    switch_millis  BIGINT,
    owner          VARCHAR(255),
    error          VARCHAR(2000)
);
