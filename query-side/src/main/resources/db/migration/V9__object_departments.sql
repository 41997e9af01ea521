-- Objects carry a department (their creator's, see UserDirectory.homeDepartment); null for objects made
-- before departments existed, or by users without one.
ALTER TABLE memo_view ADD COLUMN department BIGINT;
ALTER TABLE task_view ADD COLUMN department BIGINT;
ALTER TABLE crm_object ADD COLUMN department BIGINT;
CREATE INDEX memo_view_department ON memo_view (department);
CREATE INDEX task_view_department ON task_view (department);
