-- Issue 14: deals. Columns are the kind's fields (DealKind) in snake case: the stage, closing reason and the objects
-- it is a part of as IDs, the amount with two decimals, closed_at a moment. deal_stage is its stage timeline: one row
-- per stage it entered (at creation and at each DealStageChanged), with when and by whom.
CREATE TABLE deal_view (
    id             BIGINT         NOT NULL PRIMARY KEY,
    version        BIGINT         NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    stage          BIGINT,
    amount         NUMERIC(14,2),
    currency       VARCHAR(3),
    probability    NUMERIC(5,0),
    next_step      VARCHAR(200),
    next_step_date DATE,
    closing_reason BIGINT,
    closed_at      TIMESTAMP WITH TIME ZONE,
    co_owner       VARCHAR(40),
    contact        BIGINT,
    company        BIGINT,
    lead           BIGINT,
    request        BIGINT,
    description    VARCHAR(10000),
    owner          VARCHAR(40)    NOT NULL,
    department     BIGINT,
    deleted        BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX deal_view_updated ON deal_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX deal_view_owner ON deal_view (owner);
CREATE INDEX deal_view_co_owner ON deal_view (co_owner);
CREATE INDEX deal_view_department ON deal_view (department);
CREATE INDEX deal_view_stage ON deal_view (stage, id);
CREATE INDEX deal_view_contact ON deal_view (contact);
CREATE INDEX deal_view_company ON deal_view (company);
CREATE INDEX deal_view_lead ON deal_view (lead);
CREATE INDEX deal_view_request ON deal_view (request);

CREATE TABLE deal_stage (
    deal     BIGINT      NOT NULL,
    version  BIGINT      NOT NULL,
    stage    BIGINT      NOT NULL,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user  VARCHAR(40) NOT NULL,
    PRIMARY KEY (deal, version)
);
