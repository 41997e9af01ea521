\timing on
-- After after.sql: relations. Every 100th task becomes a project; 60 % of the tasks (task IDs are odd: IDs ending in
-- 1, 3 or 5) belong to the project before them, 10 % are subtasks of the task two before them.
UPDATE task_view SET kind = 'project' WHERE id % 200 = 101;
UPDATE task_view t SET project = t.id - ((t.id - 101) % 200) WHERE kind = 'task' AND id % 10 IN (1, 3, 5) AND t.id - ((t.id - 101) % 200) >= 101;
UPDATE task_view t SET parent = t.id - 2 WHERE kind = 'task' AND id % 20 = 7 AND EXISTS (SELECT 1 FROM task_view p WHERE p.id = t.id - 2 AND p.kind = 'task');
TRUNCATE task_person;
-- then refill task_person with V13's INSERTs (own people, container and part rows) and VACUUM ANALYZE
