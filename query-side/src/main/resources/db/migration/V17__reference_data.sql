-- Reference data kept by admins (issue 14): stages, closing reasons, lead sources, currencies. One table for the
-- four kinds, which share one shape: each object's declared fields as text in "vals" (a rate exactly as given).
CREATE TABLE reference_view (
    id         BIGINT PRIMARY KEY,
    kind       VARCHAR(40) NOT NULL,
    vals       JSONB NOT NULL,
    title      VARCHAR(200) NOT NULL,
    sort_index INTEGER NOT NULL DEFAULT 0,
    deleted    BOOLEAN NOT NULL DEFAULT FALSE,
    version    BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX reference_view_kind ON reference_view (kind, deleted, sort_index, title, id);
