-- Projects are task-shaped: they share task_view, told apart by kind; a task may belong to a project.
ALTER TABLE task_view ADD COLUMN kind VARCHAR(10) DEFAULT 'task' NOT NULL;
ALTER TABLE task_view ADD COLUMN project BIGINT;
CREATE INDEX task_view_project ON task_view (project);
CREATE INDEX task_view_kind_updated ON task_view (kind, updated_at DESC, id DESC);
