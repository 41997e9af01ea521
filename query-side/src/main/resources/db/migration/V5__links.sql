-- Which object belongs to which: a memo's files and the tasks made from it, a task's subtasks and files.
CREATE TABLE object_link (
    from_id  BIGINT      NOT NULL,
    to_id    BIGINT      NOT NULL,
    relation VARCHAR(20) NOT NULL,
    PRIMARY KEY (from_id, to_id)
);
CREATE INDEX object_link_to ON object_link (to_id);
