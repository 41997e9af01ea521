-- Issue 15: mass-mail campaigns. Columns are the kind's fields (CampaignKind) in snake case: the account's ID, the
-- recipients as the canonical text of their IDs ("20,21"), with a row per recipient in campaign_contact,
-- campaign_lead and campaign_company (kept by FieldsProjection); the status and counts set by its actions.
CREATE TABLE campaign_view (
    id          BIGINT         NOT NULL PRIMARY KEY,
    version     BIGINT         NOT NULL,
    name        VARCHAR(200)   NOT NULL,
    subject     VARCHAR(200),
    body        VARCHAR(10000),
    account     BIGINT,
    contacts    VARCHAR(2000),
    leads       VARCHAR(2000),
    companies   VARCHAR(2000),
    status      VARCHAR(20)    NOT NULL,
    sent        NUMERIC(14,0)  NOT NULL DEFAULT 0,
    failed      NUMERIC(14,0)  NOT NULL DEFAULT 0,
    skipped     NUMERIC(14,0)  NOT NULL DEFAULT 0,
    owner       VARCHAR(40)    NOT NULL,
    department  BIGINT,
    deleted     BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX campaign_view_updated ON campaign_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX campaign_view_owner ON campaign_view (owner);
CREATE INDEX campaign_view_department ON campaign_view (department);

CREATE TABLE campaign_contact (
    campaign_id BIGINT NOT NULL,
    contact_id  BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);
CREATE INDEX campaign_contact_contact ON campaign_contact (contact_id);

CREATE TABLE campaign_lead (
    campaign_id BIGINT NOT NULL,
    lead_id     BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, lead_id)
);
CREATE INDEX campaign_lead_lead ON campaign_lead (lead_id);

CREATE TABLE campaign_company (
    campaign_id BIGINT NOT NULL,
    company_id  BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, company_id)
);
CREATE INDEX campaign_company_company ON campaign_company (company_id);

-- Contacts and leads may be mailed by campaigns until they unsubscribe (their flag field massmail; those made
-- before it have it).
ALTER TABLE contact_view ADD COLUMN massmail BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE lead_view ADD COLUMN massmail BOOLEAN NOT NULL DEFAULT TRUE;

-- The unsubscribe links: a token (at least 128 random bits, URL-safe Base64) per campaign and recipient, made when
-- a message for that recipient is first sent. Not a read model: no event carries a token, and a rebuild of the read
-- models does not touch this table.
CREATE TABLE unsubscribe_token (
    token       VARCHAR(64)  NOT NULL PRIMARY KEY,
    campaign_id BIGINT       NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    object_id   BIGINT       NOT NULL,
    UNIQUE (campaign_id, kind, object_id)
);
