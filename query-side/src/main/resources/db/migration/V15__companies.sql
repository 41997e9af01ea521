-- Issue 14: companies and their contacts. Columns are the kinds' fields (CompanyKind, ContactKind) in snake case;
-- the lists' default order (updated_at DESC NULLS LAST, id DESC, see V13) has an index of its own.
CREATE TABLE company_view (
    id                BIGINT         NOT NULL PRIMARY KEY,
    version           BIGINT         NOT NULL,
    name              VARCHAR(200)   NOT NULL,
    alternative_names VARCHAR(200),
    type              VARCHAR(200),
    industry          VARCHAR(200),
    country           VARCHAR(200),
    city              VARCHAR(200),
    website           VARCHAR(500),
    phone             VARCHAR(40),
    email             VARCHAR(254),
    address           VARCHAR(1000),
    description       VARCHAR(10000),
    tags              VARCHAR(1000),
    owner             VARCHAR(40)    NOT NULL,
    department        BIGINT,
    deleted           BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX company_view_updated ON company_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX company_view_owner ON company_view (owner);
CREATE INDEX company_view_department ON company_view (department);

CREATE TABLE contact_view (
    id          BIGINT         NOT NULL PRIMARY KEY,
    version     BIGINT         NOT NULL,
    first_name  VARCHAR(100),
    last_name   VARCHAR(100),
    job_title   VARCHAR(200),
    company     BIGINT         NOT NULL,
    email       VARCHAR(254),
    phone       VARCHAR(40),
    mobile      VARCHAR(40),
    country     VARCHAR(200),
    city        VARCHAR(200),
    description VARCHAR(10000),
    owner       VARCHAR(40)    NOT NULL,
    department  BIGINT,
    deleted     BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_view_updated ON contact_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX contact_view_company ON contact_view (company, updated_at DESC NULLS LAST, id DESC);
CREATE INDEX contact_view_owner ON contact_view (owner);
CREATE INDEX contact_view_department ON contact_view (department);
