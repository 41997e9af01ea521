-- Issue 16: each user's language (en, de; null: the browser's) and time zone (an IANA id; null: the server's
-- default), and each department's time zone (reports cut days and months in it; null: the server's default).
ALTER TABLE crm_user ADD COLUMN language VARCHAR(8);
ALTER TABLE crm_user ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE department_view ADD COLUMN time_zone VARCHAR(64);
