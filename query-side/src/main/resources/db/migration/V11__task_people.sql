-- The people of each task and project, one row per person and role (owner, coOwner, responsible,
-- subscribers: the task fields' names), kept by TaskProjection beside task_view's ',a,b,' lists: "the tasks
-- X is a person of" is then an index lookup, not a LIKE over every row of task_view.
CREATE TABLE task_person (
    task_id  BIGINT      NOT NULL,
    username VARCHAR(40) NOT NULL,
    role     VARCHAR(20) NOT NULL,
    PRIMARY KEY (task_id, username, role)
);
CREATE INDEX task_person_username ON task_person (username, task_id);

-- The rows of the tasks already there, from task_view's lists (',a,b,'), split by a recursive query that
-- H2 and PostgreSQL both run.
INSERT INTO task_person (task_id, username, role)
WITH RECURSIVE listed (task_id, role, rest) AS (
    SELECT id, 'responsible', SUBSTRING(responsible FROM 2) FROM task_view WHERE LENGTH(responsible) > 1
    UNION ALL
    SELECT id, 'subscribers', SUBSTRING(subscribers FROM 2) FROM task_view WHERE LENGTH(subscribers) > 1
), split (task_id, role, username, rest) AS (
    SELECT task_id, role, SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1),
           SUBSTRING(rest FROM POSITION(',' IN rest) + 1)
    FROM listed
    UNION ALL
    SELECT task_id, role, SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1),
           SUBSTRING(rest FROM POSITION(',' IN rest) + 1)
    FROM split WHERE LENGTH(rest) > 0
)
SELECT DISTINCT task_id, username, role FROM split WHERE LENGTH(username) > 0;

INSERT INTO task_person (task_id, username, role) SELECT id, owner, 'owner' FROM task_view;
INSERT INTO task_person (task_id, username, role) SELECT id, co_owner, 'coOwner' FROM task_view WHERE co_owner IS NOT NULL AND co_owner <> '';
