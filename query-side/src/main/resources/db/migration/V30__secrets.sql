-- The secret store (issue 15): objects' secrets (a mail account's password), AES-GCM sealed with the key of
-- CRM_SECRET_KEY (Base64 of nonce, ciphertext and tag). Not a read model: no event carries a secret, and a
-- rebuild of the read models does not touch this table.
CREATE TABLE secret (
    object_id BIGINT PRIMARY KEY,
    sealed    VARCHAR(2000) NOT NULL
);
