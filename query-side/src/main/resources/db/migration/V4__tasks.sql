-- People and tag lists are stored as ',a,b,' so that membership is one LIKE '%,a,%'.
CREATE TABLE task_view (
    id             BIGINT        NOT NULL PRIMARY KEY,
    version        BIGINT        NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(10000),
    priority       VARCHAR(10)   NOT NULL,
    due_date       VARCHAR(10),
    next_step      VARCHAR(200),
    next_step_date VARCHAR(10),
    responsible    VARCHAR(2000) NOT NULL,
    co_owner       VARCHAR(40),
    subscribers    VARCHAR(2000) NOT NULL,
    tags           VARCHAR(2000) NOT NULL,
    stage          VARCHAR(20)   NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    parent         BIGINT,
    memo           BIGINT,
    owner          VARCHAR(40)   NOT NULL,
    deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX task_view_parent ON task_view (parent);
CREATE INDEX task_view_memo ON task_view (memo);
CREATE INDEX task_view_updated ON task_view (updated_at DESC, id DESC);
