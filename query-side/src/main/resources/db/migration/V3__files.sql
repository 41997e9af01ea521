-- File objects: references to stored content.
CREATE TABLE file_view (
    id          BIGINT       NOT NULL PRIMARY KEY,
    attached_to BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    size        BIGINT       NOT NULL,
    media_type  VARCHAR(130) NOT NULL,
    owner       VARCHAR(40),
    deleted     BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX file_view_attached_to ON file_view (attached_to);
CREATE INDEX file_view_sha256 ON file_view (sha256);

-- How many live file objects refer to each stored content. A row's lock is what orders attaching and
-- purging of the same content; content is purged only from a row with ref_count = 0, under that lock.
CREATE TABLE file_content (
    sha256     VARCHAR(64) NOT NULL PRIMARY KEY,
    size       BIGINT      NOT NULL,
    ref_count  BIGINT      NOT NULL,
    zero_since TIMESTAMP WITH TIME ZONE
);
CREATE INDEX file_content_zero ON file_content (ref_count);

-- Flags that pause background work; 'read-model-rebuild' pauses content purging while counts are rebuilt.
CREATE TABLE crm_maintenance (
    name   VARCHAR(40) NOT NULL PRIMARY KEY,
    active BOOLEAN     NOT NULL
);
INSERT INTO crm_maintenance (name, active) VALUES ('read-model-rebuild', FALSE);
