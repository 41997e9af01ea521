-- Which delete removed an object: its cascade id, and the object it was deleted with (null for the root).
-- Restoring a root brings back the objects of its cascade.
ALTER TABLE crm_object ADD COLUMN deleted_cascade VARCHAR(64);
ALTER TABLE crm_object ADD COLUMN deleted_with BIGINT;
CREATE INDEX crm_object_cascade ON crm_object (deleted_cascade);
CREATE INDEX crm_object_deleted ON crm_object (deleted, deleted_at DESC);
