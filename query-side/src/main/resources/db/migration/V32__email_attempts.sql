-- Issue 15: sending e-mails. One row per attempt at sending an e-mail, written and committed by the sender
-- (EmailSending) before it talks to the mail server; its outcome is set in the transaction that records EmailSent or
-- EmailFailed. A row without an outcome is an attempt under way, or one whose outcome is unknown (the CRM stopped in
-- between): it is never sent again automatically (docs/reliability.md, "E-mail: what exactly once rests on"). A row
-- "retry" waits for the mail server (next_try_at). Not a read model: a rebuild leaves it alone. The sender's token
-- lives in tokenentry (V1), Axon's JDBC token store.
CREATE TABLE email_attempt (
    email_id    BIGINT                   NOT NULL,
    attempt     INTEGER                  NOT NULL,
    message_id  VARCHAR(1000)            NOT NULL,
    account     BIGINT                   NOT NULL,
    queued_by   VARCHAR(40)              NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    tried_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    tries       INTEGER                  NOT NULL DEFAULT 1,
    -- sent, failed, unknown, retry, gone; null while a try is under way
    outcome     VARCHAR(20),
    next_try_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (email_id, attempt)
);
CREATE INDEX email_attempt_waiting ON email_attempt (outcome, next_try_at);
