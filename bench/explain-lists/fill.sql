-- ~10^6 read-model rows shaped like the bench's Loader (after the CRM's rebuild): alternately memos and tasks,
-- 17 authors (writer1..16, reader1), each memo to / each task for "other"; words as the Loader writes them.
\set ON_ERROR_STOP on
INSERT INTO crm_user (username, display_name, roles, active, version, created_at)
SELECT u, u, CASE WHEN u = 'chief1' THEN 'chief' WHEN u LIKE 'writer%' THEN 'manager' ELSE 'co_worker' END, TRUE, 1, now()
FROM unnest(ARRAY['writer1','writer2','writer3','writer4','writer5','writer6','writer7','writer8','writer9','writer10',
                  'writer11','writer12','writer13','writer14','writer15','writer16','reader1','chief1']) u;

CREATE TEMP TABLE gen AS
SELECT i, 100 + i AS id, i % 2 = 0 AS is_memo,
       (ARRAY['writer1','writer2','writer3','writer4','writer5','writer6','writer7','writer8','writer9','writer10',
              'writer11','writer12','writer13','writer14','writer15','writer16','reader1'])[(i % 17) + 1] AS author,
       (ARRAY['writer1','writer2','writer3','writer4','writer5','writer6','writer7','writer8','writer9','writer10',
              'writer11','writer12','writer13','writer14','writer15','writer16','reader1'])[((i / 17 + i + 1) % 17) + 1] AS other,
       (ARRAY['renewal','invoice','meeting','contract','offer','delivery','support','training','audit','budget'])[((i / 2) % 10) + 1] AS word,
       (ARRAY['renewal','invoice','meeting','contract','offer','delivery','support','training','audit','budget'])[(((i / 2) + 5) % 10) + 1] AS word2,
       (i / 2) % 10000 = 4321 AS rare,
       timestamptz '2026-11-20 00:00:00+00' + i * interval '1 millisecond' AS at
FROM generate_series(0, 999999) i;

INSERT INTO memo_view (id, version, title, description, recipient, draft, stage, owner, deleted, created_at, updated_at, department)
SELECT id, 1, 'Memo ' || id || ' about the ' || word || CASE WHEN rare THEN ' and the walrus' ELSE '' END,
       'Notes on the ' || word2, other, FALSE, 'PENDING', author, FALSE, at, at, NULL
FROM gen WHERE is_memo;

INSERT INTO task_view (id, kind, version, title, description, priority, due_date, next_step, next_step_date, responsible,
                       co_owner, subscribers, tags, stage, parent, project, memo, owner, deleted, created_at, updated_at, department)
SELECT id, 'task', 1, 'Task ' || id || ' about the ' || word || CASE WHEN rare THEN ' and the walrus' ELSE '' END,
       'Notes on the ' || word2, 'MIDDLE', NULL, NULL, NULL, ',' || other || ',', NULL, '', '', 'PENDING', NULL, NULL, NULL,
       author, FALSE, at, at, NULL
FROM gen WHERE NOT is_memo;

INSERT INTO crm_object (id, kind, title, owner, deleted, version, created_at, updated_at)
SELECT id, CASE WHEN is_memo THEN 'memo' ELSE 'task' END,
       CASE WHEN is_memo THEN 'Memo ' ELSE 'Task ' END || id || ' about the ' || word, author, FALSE, 1, at, at
FROM gen;
SELECT setval('crm_object_id', 2000000);
ANALYZE;
