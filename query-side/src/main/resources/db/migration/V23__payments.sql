-- Issue 14: payments of deals. Columns are the kind's fields (PaymentKind) in snake case: its deal's ID, the amount
-- with two decimals, the status's API name.
CREATE TABLE payment_view (
    id              BIGINT         NOT NULL PRIMARY KEY,
    version         BIGINT         NOT NULL,
    deal            BIGINT         NOT NULL,
    amount          NUMERIC(14,2)  NOT NULL,
    currency        VARCHAR(3),
    date            DATE,
    status          VARCHAR(20)    NOT NULL,
    contract_number VARCHAR(200),
    invoice_number  VARCHAR(200),
    owner           VARCHAR(40)    NOT NULL,
    department      BIGINT,
    deleted         BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_view_updated ON payment_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX payment_view_deal ON payment_view (deal);
CREATE INDEX payment_view_owner ON payment_view (owner);
CREATE INDEX payment_view_department ON payment_view (department);
