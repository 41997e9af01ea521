-- Issue 16: the analytics reports' own tables, written by the tracking processor "analytics"
-- (dev.crm.app.analytics.AnalyticsProjection), not by the read models' rebuild. One row per object, keyed by its
-- ID and guarded by its version, so an event seen twice changes nothing; each report is a few aggregate queries
-- over the indexes below.

-- currencies: the current rate to the state currency, and every rate they had since when (the rate in force at a
-- payment's date is the last one set before that day ended)
CREATE TABLE anl_currency (
    id BIGINT PRIMARY KEY,
    code VARCHAR(3),
    rate NUMERIC(24, 10),
    state BOOLEAN NOT NULL DEFAULT FALSE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL
);
CREATE INDEX anl_currency_code ON anl_currency (code);

CREATE TABLE anl_rate (
    currency_id BIGINT NOT NULL,
    valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
    rate NUMERIC(24, 10) NOT NULL,
    PRIMARY KEY (currency_id, valid_from)
);

-- stages, closing reasons and lead sources: names, order and success marks
CREATE TABLE anl_reference (
    id BIGINT PRIMARY KEY,
    kind VARCHAR(40) NOT NULL,
    name VARCHAR(200),
    department BIGINT,
    sort_index INT NOT NULL DEFAULT 0,
    success BOOLEAN NOT NULL DEFAULT FALSE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL
);

CREATE TABLE anl_request (
    id BIGINT PRIMARY KEY,
    department BIGINT,
    owner VARCHAR(100),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source BIGINT,
    duplicate BOOLEAN NOT NULL DEFAULT FALSE,
    is_case BOOLEAN NOT NULL DEFAULT FALSE,
    subsequent BOOLEAN NOT NULL DEFAULT FALSE,
    deal BIGINT,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL
);
CREATE INDEX anl_request_received ON anl_request (received_at);

CREATE TABLE anl_deal (
    id BIGINT PRIMARY KEY,
    department BIGINT,
    owner VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stage BIGINT,
    closing_reason BIGINT,
    closing_stage BIGINT,
    closed_at TIMESTAMP WITH TIME ZONE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL
);
CREATE INDEX anl_deal_created ON anl_deal (created_at);
CREATE INDEX anl_deal_closed ON anl_deal (closed_at);

-- a deal's product lines, as its latest event set them
CREATE TABLE anl_deal_product (
    deal BIGINT NOT NULL,
    product BIGINT NOT NULL,
    quantity INT NOT NULL,
    PRIMARY KEY (deal, product)
);

CREATE TABLE anl_product (
    id BIGINT PRIMARY KEY,
    name VARCHAR(500),
    price NUMERIC(20, 2),
    currency VARCHAR(3),
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL
);

-- payments: paid_on is the payment's date; a payment without one counts on the day it was added (created_at, cut
-- in the report's zone)
CREATE TABLE anl_payment (
    id BIGINT PRIMARY KEY,
    deal BIGINT,
    department BIGINT,
    owner VARCHAR(100),
    amount NUMERIC(20, 2),
    currency VARCHAR(3),
    paid_on DATE,
    status VARCHAR(20),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL
);
CREATE INDEX anl_payment_paid_on ON anl_payment (paid_on);
CREATE INDEX anl_payment_created ON anl_payment (created_at);
CREATE INDEX anl_payment_deal ON anl_payment (deal);
