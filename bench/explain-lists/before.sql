\pset pager off
SET plan_cache_mode = force_custom_plan;
PREPARE memo_chief_stage_page(text, text, int, bigint) AS SELECT * FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND (recipient = $1 OR TRUE = TRUE))) AND stage = $2 ORDER BY updated_at DESC NULLS LAST, id DESC LIMIT $3 OFFSET $4;
PREPARE memo_chief_stage_count(text, text, bigint) AS SELECT COUNT(*) FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND (recipient = $1 OR TRUE = TRUE))) AND stage = $2;
PREPARE memo_own_page(text, int, bigint) AS SELECT * FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND (recipient = $1 OR FALSE = TRUE))) ORDER BY updated_at DESC NULLS LAST, id DESC LIMIT $2 OFFSET $3;
PREPARE memo_own_count(text, bigint) AS SELECT COUNT(*) FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND (recipient = $1 OR FALSE = TRUE)));
PREPARE memo_chief_text_page(text, text, int, bigint) AS SELECT * FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND (recipient = $1 OR TRUE = TRUE))) AND (LOWER(title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(description, '')) LIKE $2 ESCAPE '\') ORDER BY updated_at DESC NULLS LAST, id DESC LIMIT $3 OFFSET $4;
PREPARE memo_chief_text_count(text, text, bigint) AS SELECT COUNT(*) FROM memo_view WHERE deleted = FALSE AND (owner = $1 OR (draft = FALSE AND (recipient = $1 OR TRUE = TRUE))) AND (LOWER(title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(description, '')) LIKE $2 ESCAPE '\');
PREPARE task_chief_stage_page(text, text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (TRUE = TRUE OR t.owner = $1) AND t.stage = $2 ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $3 OFFSET $4;
PREPARE task_chief_stage_count(text, text, bigint) AS SELECT COUNT(*) FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (TRUE = TRUE OR t.owner = $1) AND t.stage = $2;
PREPARE task_own_page(text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (
   (t.owner = $1 OR t.co_owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR t.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\')
   OR EXISTS (SELECT 1 FROM task_view p WHERE (p.id = t.parent OR p.id = t.project) AND p.deleted = FALSE AND
     (p.owner = $1 OR p.co_owner = $1 OR p.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR p.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))
   OR EXISTS (SELECT 1 FROM task_view s WHERE (s.parent = t.id OR s.project = t.id) AND s.deleted = FALSE AND
     (s.owner = $1 OR s.co_owner = $1 OR s.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR s.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))) ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $2 OFFSET $3;
PREPARE task_own_count(text, bigint) AS SELECT COUNT(*) FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (
   (t.owner = $1 OR t.co_owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR t.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\')
   OR EXISTS (SELECT 1 FROM task_view p WHERE (p.id = t.parent OR p.id = t.project) AND p.deleted = FALSE AND
     (p.owner = $1 OR p.co_owner = $1 OR p.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR p.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))
   OR EXISTS (SELECT 1 FROM task_view s WHERE (s.parent = t.id OR s.project = t.id) AND s.deleted = FALSE AND
     (s.owner = $1 OR s.co_owner = $1 OR s.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR s.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\')));
PREPARE task_own_text_page(text, text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (
   (t.owner = $1 OR t.co_owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR t.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\')
   OR EXISTS (SELECT 1 FROM task_view p WHERE (p.id = t.parent OR p.id = t.project) AND p.deleted = FALSE AND
     (p.owner = $1 OR p.co_owner = $1 OR p.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR p.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))
   OR EXISTS (SELECT 1 FROM task_view s WHERE (s.parent = t.id OR s.project = t.id) AND s.deleted = FALSE AND
     (s.owner = $1 OR s.co_owner = $1 OR s.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR s.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))) AND (LOWER(t.title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(t.description, '')) LIKE $2 ESCAPE '\') ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $3 OFFSET $4;
PREPARE task_own_text_count(text, text, bigint) AS SELECT COUNT(*) FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (
   (t.owner = $1 OR t.co_owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR t.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\')
   OR EXISTS (SELECT 1 FROM task_view p WHERE (p.id = t.parent OR p.id = t.project) AND p.deleted = FALSE AND
     (p.owner = $1 OR p.co_owner = $1 OR p.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR p.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))
   OR EXISTS (SELECT 1 FROM task_view s WHERE (s.parent = t.id OR s.project = t.id) AND s.deleted = FALSE AND
     (s.owner = $1 OR s.co_owner = $1 OR s.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR s.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))) AND (LOWER(t.title) LIKE $2 ESCAPE '\' OR LOWER(COALESCE(t.description, '')) LIKE $2 ESCAPE '\');
PREPARE task_mine_page(text, int, bigint) AS SELECT * FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (
   (t.owner = $1 OR t.co_owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR t.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\')
   OR EXISTS (SELECT 1 FROM task_view p WHERE (p.id = t.parent OR p.id = t.project) AND p.deleted = FALSE AND
     (p.owner = $1 OR p.co_owner = $1 OR p.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR p.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))
   OR EXISTS (SELECT 1 FROM task_view s WHERE (s.parent = t.id OR s.project = t.id) AND s.deleted = FALSE AND
     (s.owner = $1 OR s.co_owner = $1 OR s.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR s.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))) AND (t.owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\') ORDER BY t.updated_at DESC NULLS LAST, t.id DESC LIMIT $2 OFFSET $3;
PREPARE task_mine_count(text, bigint) AS SELECT COUNT(*) FROM task_view t WHERE t.kind = 'task' AND t.deleted = FALSE AND (
   (t.owner = $1 OR t.co_owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR t.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\')
   OR EXISTS (SELECT 1 FROM task_view p WHERE (p.id = t.parent OR p.id = t.project) AND p.deleted = FALSE AND
     (p.owner = $1 OR p.co_owner = $1 OR p.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR p.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))
   OR EXISTS (SELECT 1 FROM task_view s WHERE (s.parent = t.id OR s.project = t.id) AND s.deleted = FALSE AND
     (s.owner = $1 OR s.co_owner = $1 OR s.responsible LIKE '%,' || $1 || ',%' ESCAPE '\' OR s.subscribers LIKE '%,' || $1 || ',%' ESCAPE '\'))) AND (t.owner = $1 OR t.responsible LIKE '%,' || $1 || ',%' ESCAPE '\');
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
