-- Reference data kept by admins (issue 14): stages, closing reasons, lead sources, currencies. The four kinds share
-- one shape: a row per object, and a row per declared field with its value as text (a rate exactly as given).
CREATE TABLE reference_view (
    id         BIGINT PRIMARY KEY,
    kind       VARCHAR(40) NOT NULL,
    title      VARCHAR(200) NOT NULL,
    sort_index INTEGER NOT NULL DEFAULT 0,
    deleted    BOOLEAN NOT NULL DEFAULT FALSE,
    version    BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX reference_view_kind ON reference_view (kind, deleted, sort_index, title, id);

CREATE TABLE reference_value (
    id    BIGINT NOT NULL,
    field VARCHAR(40) NOT NULL,
    val   VARCHAR(200),
    PRIMARY KEY (id, field)
);

-- Not a read model (a rebuild leaves it): the kinds whose first-start defaults were made, so they are made once,
-- also when two instances start on an empty store at the same moment.
CREATE TABLE reference_seeded (
    kind VARCHAR(40) PRIMARY KEY
);
