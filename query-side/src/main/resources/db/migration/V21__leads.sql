-- Issue 14: leads. Columns are the kind's fields (LeadKind) in snake case; company and contact are set by the
-- conversion only. The list's default order (updated_at DESC NULLS LAST, id DESC, see V13) has an index of its own.
CREATE TABLE lead_view (
    id           BIGINT         NOT NULL PRIMARY KEY,
    version      BIGINT         NOT NULL,
    first_name   VARCHAR(100),
    last_name    VARCHAR(100),
    company_name VARCHAR(200),
    email        VARCHAR(254),
    phone        VARCHAR(40),
    website      VARCHAR(500),
    country      VARCHAR(200),
    city         VARCHAR(200),
    source       BIGINT,
    description  VARCHAR(10000),
    company      BIGINT,
    contact      BIGINT,
    owner        VARCHAR(40)    NOT NULL,
    department   BIGINT,
    deleted      BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX lead_view_updated ON lead_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX lead_view_owner ON lead_view (owner);
CREATE INDEX lead_view_department ON lead_view (department);
CREATE INDEX lead_view_company ON lead_view (company);
