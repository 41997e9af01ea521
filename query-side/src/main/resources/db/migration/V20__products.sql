-- Issue 14: products. Columns are the kind's fields (ProductKind) in snake case: the price an amount with two
-- decimals, onSale a boolean; the list's default order (updated_at DESC NULLS LAST, id DESC, see V13) has an index
-- of its own, as has its sort by price.
CREATE TABLE product_view (
    id          BIGINT         NOT NULL PRIMARY KEY,
    version     BIGINT         NOT NULL,
    name        VARCHAR(200)   NOT NULL,
    type        VARCHAR(20)    NOT NULL,
    price       NUMERIC(14,2),
    currency    VARCHAR(3),
    category    VARCHAR(200),
    on_sale     BOOLEAN        NOT NULL,
    description VARCHAR(10000),
    owner       VARCHAR(40)    NOT NULL,
    department  BIGINT,
    deleted     BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX product_view_updated ON product_view (updated_at DESC NULLS LAST, id DESC);
CREATE INDEX product_view_price ON product_view (price, id);
CREATE INDEX product_view_owner ON product_view (owner);
CREATE INDEX product_view_department ON product_view (department);
