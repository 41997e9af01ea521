-- Issue 14: requests. Columns are the kind's fields (RequestKind) in snake case; the flag "case" is the column
-- case_ (Sql.column: a keyword gets a "_"). contact, lead, company are set by matching or a user, deal by "create deal".
-- The list's default order (updated_at DESC NULLS LAST, id DESC, see V13) has an index of its own.
CREATE TABLE request_view (
    id                    BIGINT         NOT NULL PRIMARY KEY,
    version               BIGINT         NOT NULL,
    subject               VARCHAR(200)   NOT NULL,
    first_name            VARCHAR(100),
    last_name             VARCHAR(100),
    email                 VARCHAR(254),
    phone                 VARCHAR(40),
    company_name          VARCHAR(200),
    website               VARCHAR(500),
    country               VARCHAR(200),
    source                BIGINT,
    description           VARCHAR(10000),
    pending               BOOLEAN        NOT NULL DEFAULT TRUE,
    duplicate             BOOLEAN        NOT NULL DEFAULT FALSE,
    case_                 BOOLEAN        NOT NULL DEFAULT FALSE,
    subsequent            BOOLEAN        NOT NULL DEFAULT FALSE,
    verification_required BOOLEAN        NOT NULL DEFAULT FALSE,
    contact               BIGINT,
    lead                  BIGINT,
    company               BIGINT,
    deal                  BIGINT,
    owner                 VARCHAR(40)    NOT NULL,
    department            BIGINT,
    deleted               BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX request_view_updated ON request_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX request_view_owner ON request_view (owner);
CREATE INDEX request_view_department ON request_view (department);
CREATE INDEX request_view_contact ON request_view (contact);
CREATE INDEX request_view_lead ON request_view (lead);
CREATE INDEX request_view_company ON request_view (company);
CREATE INDEX request_view_deal ON request_view (deal);
CREATE INDEX request_view_pending ON request_view (pending);
