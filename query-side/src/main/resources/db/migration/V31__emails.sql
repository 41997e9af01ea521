-- Issue 15: CRM e-mails. Columns are the kind's fields (EmailKind) in snake case; "to" is the column to_ (Sql.column:
-- a keyword gets a "_"); to, cc and bcc hold up to 50 addresses joined by ", " (FieldType.EMAILS). An e-mail is
-- written from exactly one of deal, request, contact, company, lead; thread is the first e-mail of its conversation.
CREATE TABLE email_view (
    id          BIGINT         NOT NULL PRIMARY KEY,
    version     BIGINT         NOT NULL,
    subject     VARCHAR(200)   NOT NULL,
    body        VARCHAR(10000),
    to_         VARCHAR(13000),
    cc          VARCHAR(13000),
    bcc         VARCHAR(13000),
    deal        BIGINT,
    request     BIGINT,
    contact     BIGINT,
    company     BIGINT,
    lead        BIGINT,
    status      VARCHAR(20)    NOT NULL,
    sent        BOOLEAN        NOT NULL DEFAULT FALSE,
    sent_at     TIMESTAMP WITH TIME ZONE,
    failure     VARCHAR(1000),
    incoming    BOOLEAN        NOT NULL DEFAULT FALSE,
    in_reply_to BIGINT,
    thread      BIGINT,
    owner       VARCHAR(40)    NOT NULL,
    department  BIGINT,
    deleted     BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX email_view_updated ON email_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX email_view_owner ON email_view (owner);
CREATE INDEX email_view_department ON email_view (department);
CREATE INDEX email_view_deal ON email_view (deal);
CREATE INDEX email_view_request ON email_view (request);
CREATE INDEX email_view_contact ON email_view (contact);
CREATE INDEX email_view_company ON email_view (company);
CREATE INDEX email_view_lead ON email_view (lead);
CREATE INDEX email_view_thread ON email_view (thread);
-- the outbox's tabs: a status, newest change first
CREATE INDEX email_view_status_updated ON email_view (status, updated_at DESC NULLS LAST, id DESC);
