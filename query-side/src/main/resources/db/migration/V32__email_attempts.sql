-- Issue 15: sending e-mails. One row per attempt at sending an e-mail, written and committed by the sender
-- (EmailSending) before it talks to the mail server, its outcome set in the transaction that records EmailSent or
-- EmailFailed. A row without an outcome is an attempt whose outcome is unknown (the CRM stopped in between): it is
-- never sent again automatically (docs/reliability.md, "E-mail: what exactly once rests on"). Not a read model: a
-- rebuild leaves it alone. The sender's token lives in tokenentry (V1), Axon's JDBC token store.
CREATE TABLE email_attempt (
    email_id   BIGINT                   NOT NULL,
    attempt    INTEGER                  NOT NULL,
    message_id VARCHAR(1000)            NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- sent, failed, unknown; null while the attempt is under way
    outcome    VARCHAR(20),
    PRIMARY KEY (email_id, attempt)
);
