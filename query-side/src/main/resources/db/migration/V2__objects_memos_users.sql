-- Object IDs are unique across every kind of object.
CREATE SEQUENCE crm_object_id START WITH 1 INCREMENT BY 1;

-- Every object of every kind: what ID lookup, search and the deleted-objects list read.
CREATE TABLE crm_object (
    id         BIGINT       NOT NULL PRIMARY KEY,
    kind       VARCHAR(20)  NOT NULL,
    title      VARCHAR(500) NOT NULL,
    owner      VARCHAR(40),
    deleted    BOOLEAN      NOT NULL DEFAULT FALSE,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE,
    deleted_by VARCHAR(40)
);
CREATE INDEX crm_object_kind_deleted ON crm_object (kind, deleted);

CREATE TABLE memo_view (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    description VARCHAR(10000),
    recipient   VARCHAR(40),
    draft       BOOLEAN       NOT NULL,
    stage       VARCHAR(20)   NOT NULL,
    conclusion  VARCHAR(10000),
    owner       VARCHAR(40)   NOT NULL,
    deleted     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX memo_view_owner ON memo_view (owner);
CREATE INDEX memo_view_recipient ON memo_view (recipient);
CREATE INDEX memo_view_updated ON memo_view (updated_at DESC, id DESC);

CREATE TABLE crm_user (
    username     VARCHAR(40)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    active       BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Password hashes are secrets, not business facts: they live here, never in the append-only store.
-- Written in the same transaction as the UserCreated event.
CREATE TABLE user_credential (
    username      VARCHAR(40)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL
);
