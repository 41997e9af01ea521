-- Issue 12, lists.
--
-- Who sees each task and project (TaskAccess.canView without the roles that see them all), one row per task,
-- person and role, kept by TaskProjection: "the tasks X may see" is then one index lookup, not a LIKE over
-- every row of task_view and a look at every row's main task and parts. The roles: the task's own people
-- (owner, coOwner, responsible, subscribers: the task fields' names), 'container' (a person of its live main
-- task or project) and 'part' (a person of one of its live parts: a subtask, a project's task). parent and
-- project are the row's task's own (set when it is created).
CREATE TABLE task_person (
    task_id  BIGINT      NOT NULL,
    username VARCHAR(40) NOT NULL,
    role     VARCHAR(20) NOT NULL,
    parent   BIGINT,
    project  BIGINT,
    PRIMARY KEY (task_id, username, role)
);
CREATE INDEX task_person_username ON task_person (username, task_id);
CREATE INDEX task_person_parent ON task_person (username, parent);
CREATE INDEX task_person_project ON task_person (username, project);

-- The rows of the tasks already there: their own people from task_view's lists (',a,b,'), split by a
-- recursive query that H2 and PostgreSQL both run.
INSERT INTO task_person (task_id, username, role, parent, project)
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
SELECT DISTINCT s.task_id, s.username, s.role, t.parent, t.project
FROM split s JOIN task_view t ON t.id = s.task_id WHERE LENGTH(s.username) > 0;

INSERT INTO task_person (task_id, username, role, parent, project)
SELECT id, owner, 'owner', parent, project FROM task_view;
INSERT INTO task_person (task_id, username, role, parent, project)
SELECT id, co_owner, 'coOwner', parent, project FROM task_view WHERE co_owner IS NOT NULL AND co_owner <> '';
-- then the people of live containers and of live parts, from the rows of the tasks' own people (equi-joins
-- only: a join on "parent or project" reads task_view once for every row of it)
INSERT INTO task_person (task_id, username, role, parent, project)
SELECT x.id, p.username, 'container', x.parent, x.project FROM task_view x
JOIN task_view c ON c.id = x.parent JOIN task_person p ON p.task_id = c.id
WHERE c.deleted = FALSE AND p.role IN ('owner', 'coOwner', 'responsible', 'subscribers')
UNION
SELECT x.id, p.username, 'container', x.parent, x.project FROM task_view x
JOIN task_view c ON c.id = x.project JOIN task_person p ON p.task_id = c.id
WHERE c.deleted = FALSE AND p.role IN ('owner', 'coOwner', 'responsible', 'subscribers');
INSERT INTO task_person (task_id, username, role, parent, project)
SELECT c.id, p.username, 'part', c.parent, c.project FROM task_view s
JOIN task_view c ON c.id = s.parent JOIN task_person p ON p.task_id = s.id
WHERE s.deleted = FALSE AND p.role IN ('owner', 'coOwner', 'responsible', 'subscribers')
UNION
SELECT c.id, p.username, 'part', c.parent, c.project FROM task_view s
JOIN task_view c ON c.id = s.project JOIN task_person p ON p.task_id = s.id
WHERE s.deleted = FALSE AND p.role IN ('owner', 'coOwner', 'responsible', 'subscribers');

-- The lists' default order is the latest change first, ORDER BY updated_at DESC NULLS LAST, id DESC (Sort:
-- nulls last in both directions). An index in (updated_at DESC, id DESC), whose nulls come first, does not
-- give that order, so every page sorted every visible row (a seq scan and a top-N sort of half a million
-- rows); these do. task_view_updated served no query (every task list names its kind).
DROP INDEX memo_view_updated;
CREATE INDEX memo_view_updated ON memo_view (updated_at DESC NULLS LAST, id DESC);
DROP INDEX task_view_updated;
DROP INDEX task_view_kind_updated;
CREATE INDEX task_view_kind_updated ON task_view (kind, updated_at DESC NULLS LAST, id DESC);
-- The stage filter in the same order: a stage few objects are in (pending memos, open tasks, once most are
-- done) would otherwise be found by walking the whole order.
CREATE INDEX memo_view_stage_updated ON memo_view (stage, updated_at DESC NULLS LAST, id DESC);
CREATE INDEX task_view_stage_updated ON task_view (kind, stage, updated_at DESC NULLS LAST, id DESC);
