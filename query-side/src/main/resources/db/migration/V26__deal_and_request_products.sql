-- Issue 14: a deal's product lines and a request's products (fields of several objects, FieldType.LINES and
-- REFERENCES). Their view columns hold the canonical text the events carry ("12:3,14:1", "12,14"; at most 50 lines);
-- deal_product and request_product have a row per product, kept by FieldsProjection, for queries that join them (the
-- sales report). The rows of a deleted deal or request stay, as its row does: a query joins its view and leaves
-- deleted ones out.
ALTER TABLE deal_view ADD COLUMN products VARCHAR(2000);
ALTER TABLE request_view ADD COLUMN products VARCHAR(2000);

CREATE TABLE deal_product (
    deal_id    BIGINT  NOT NULL,
    product_id BIGINT  NOT NULL,
    quantity   INTEGER NOT NULL,
    PRIMARY KEY (deal_id, product_id)
);
CREATE INDEX deal_product_product ON deal_product (product_id);

CREATE TABLE request_product (
    request_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    PRIMARY KEY (request_id, product_id)
);
CREATE INDEX request_product_product ON request_product (product_id);
