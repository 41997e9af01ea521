\pset pager off
SET plan_cache_mode = force_custom_plan;
PREPARE memo_chief_stage_page(text, text, int, bigint) AS SELECT * FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR draft = FALSE) AND stage = $2 ORDER BY updated_at DESC NULLS LAST, id DESC LIMIT $3 OFFSET $4;
PREPARE memo_chief_stage_count(text, text, bigint) AS SELECT COUNT(*) FROM (SELECT 1 AS one FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR draft = FALSE) AND stage = $2 LIMIT $3) counted;
PREPARE memo_own_page(text, int, bigint) AS SELECT * FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND recipient = $1)) ORDER BY updated_at DESC NULLS LAST, id DESC LIMIT $2 OFFSET $3;
PREPARE memo_own_count(text, bigint) AS SELECT COUNT(*) FROM (SELECT 1 AS one FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND recipient = $1)) LIMIT $2) counted;
PREPARE memo_chief_text_page(text, text, int, bigint) AS SELECT * FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR draft = FALSE) AND (LOWER(title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(description, '')) LIKE $2 ESCAPE '\') ORDER BY updated_at DESC NULLS LAST, id DESC LIMIT $3 OFFSET $4;
PREPARE memo_chief_text_count(text, text, bigint) AS SELECT COUNT(*) FROM (SELECT 1 AS one FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR draft = FALSE) AND (LOWER(title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(description, '')) LIKE $2 ESCAPE '\') LIMIT $3) counted;
PREPARE task_chief_stage_page(text, text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.stage = $2 ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $3 OFFSET $4;
PREPARE task_chief_stage_count(text, text, bigint) AS SELECT COUNT(*) FROM (SELECT 1 AS one FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.stage = $2 LIMIT $3) counted;
PREPARE task_own_page(text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.id IN (SELECT tp.task_id FROM task_person tp WHERE tp.username = $1) ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $2 OFFSET $3;
PREPARE task_own_count(text, bigint) AS SELECT COUNT(*) FROM (SELECT 1 AS one FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.id IN (SELECT tp.task_id FROM task_person tp WHERE tp.username = $1) LIMIT $2) counted;
PREPARE task_own_text_page(text, text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.id IN (SELECT tp.task_id FROM task_person tp WHERE tp.username = $1) AND (LOWER(t.title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(t.description, '')) LIKE $2 ESCAPE '\') ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $3 OFFSET $4;
PREPARE task_own_text_count(text, text, bigint) AS SELECT COUNT(*) FROM (SELECT 1 AS one FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.id IN (SELECT tp.task_id FROM task_person tp WHERE tp.username = $1) AND (LOWER(t.title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(t.description, '')) LIKE $2 ESCAPE '\') LIMIT $3) counted;
PREPARE task_mine_page(text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.id IN (SELECT tp.task_id FROM task_person tp WHERE tp.username = $1) AND t.id IN (SELECT m.task_id FROM task_person m WHERE m.username = $1 AND m.role IN ('owner', 'responsible')) ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $2 OFFSET $3;
PREPARE task_mine_count(text, bigint) AS SELECT COUNT(*) FROM (SELECT 1 AS one FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND t.id IN (SELECT tp.task_id FROM task_person tp WHERE tp.username = $1) AND t.id IN (SELECT m.task_id FROM task_person m WHERE m.username = $1 AND m.role IN ('owner', 'responsible')) LIMIT $2) counted;
\echo ### memos chief pending p10
\o /dev/null
EXECUTE memo_chief_stage_page('chief1', 'PENDING', 50, 500);
EXECUTE memo_chief_stage_page('chief1', 'PENDING', 50, 500);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_chief_stage_page('chief1', 'PENDING', 50, 500);
\echo ### memos chief pending count
\o /dev/null
EXECUTE memo_chief_stage_count('chief1', 'PENDING', 1001);
EXECUTE memo_chief_stage_count('chief1', 'PENDING', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_chief_stage_count('chief1', 'PENDING', 1001);
\echo ### memos manager own p10
\o /dev/null
EXECUTE memo_own_page('writer4', 50, 500);
EXECUTE memo_own_page('writer4', 50, 500);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_own_page('writer4', 50, 500);
\echo ### memos manager own count
\o /dev/null
EXECUTE memo_own_count('writer4', 1001);
EXECUTE memo_own_count('writer4', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_own_count('writer4', 1001);
\echo ### memos chief 'contract' p0
\o /dev/null
EXECUTE memo_chief_text_page('chief1', '%contract%', 50, 0);
EXECUTE memo_chief_text_page('chief1', '%contract%', 50, 0);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_chief_text_page('chief1', '%contract%', 50, 0);
\echo ### memos chief 'contract' count
\o /dev/null
EXECUTE memo_chief_text_count('chief1', '%contract%', 1001);
EXECUTE memo_chief_text_count('chief1', '%contract%', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_chief_text_count('chief1', '%contract%', 1001);
\echo ### memos chief 'walrus' p0
\o /dev/null
EXECUTE memo_chief_text_page('chief1', '%walrus%', 50, 0);
EXECUTE memo_chief_text_page('chief1', '%walrus%', 50, 0);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_chief_text_page('chief1', '%walrus%', 50, 0);
\echo ### memos chief 'walrus' count
\o /dev/null
EXECUTE memo_chief_text_count('chief1', '%walrus%', 1001);
EXECUTE memo_chief_text_count('chief1', '%walrus%', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE memo_chief_text_count('chief1', '%walrus%', 1001);
\echo ### tasks chief pending p10
\o /dev/null
EXECUTE task_chief_stage_page('chief1', 'PENDING', 50, 500);
EXECUTE task_chief_stage_page('chief1', 'PENDING', 50, 500);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_chief_stage_page('chief1', 'PENDING', 50, 500);
\echo ### tasks chief pending count
\o /dev/null
EXECUTE task_chief_stage_count('chief1', 'PENDING', 1001);
EXECUTE task_chief_stage_count('chief1', 'PENDING', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_chief_stage_count('chief1', 'PENDING', 1001);
\echo ### tasks manager p10
\o /dev/null
EXECUTE task_own_page('writer4', 50, 500);
EXECUTE task_own_page('writer4', 50, 500);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_page('writer4', 50, 500);
\echo ### tasks manager count
\o /dev/null
EXECUTE task_own_count('writer4', 1001);
EXECUTE task_own_count('writer4', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_count('writer4', 1001);
\echo ### tasks light p10
\o /dev/null
EXECUTE task_own_page('light', 50, 500);
EXECUTE task_own_page('light', 50, 500);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_page('light', 50, 500);
\echo ### tasks light count
\o /dev/null
EXECUTE task_own_count('light', 1001);
EXECUTE task_own_count('light', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_count('light', 1001);
\echo ### tasks nobody p0
\o /dev/null
EXECUTE task_own_page('nobody', 50, 0);
EXECUTE task_own_page('nobody', 50, 0);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_page('nobody', 50, 0);
\echo ### tasks manager 'contract' p0
\o /dev/null
EXECUTE task_own_text_page('writer4', '%contract%', 50, 0);
EXECUTE task_own_text_page('writer4', '%contract%', 50, 0);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_text_page('writer4', '%contract%', 50, 0);
\echo ### tasks manager 'contract' count
\o /dev/null
EXECUTE task_own_text_count('writer4', '%contract%', 1001);
EXECUTE task_own_text_count('writer4', '%contract%', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_text_count('writer4', '%contract%', 1001);
\echo ### tasks manager 'walrus' p0
\o /dev/null
EXECUTE task_own_text_page('writer4', '%walrus%', 50, 0);
EXECUTE task_own_text_page('writer4', '%walrus%', 50, 0);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_own_text_page('writer4', '%walrus%', 50, 0);
\echo ### tasks manager mine p0
\o /dev/null
EXECUTE task_mine_page('writer4', 50, 0);
EXECUTE task_mine_page('writer4', 50, 0);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_mine_page('writer4', 50, 0);
\echo ### tasks manager mine count
\o /dev/null
EXECUTE task_mine_count('writer4', 1001);
EXECUTE task_mine_count('writer4', 1001);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE task_mine_count('writer4', 1001);
