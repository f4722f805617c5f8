-- The organisation's settings, one row per key; the same table as sqlite/migrations/
-- 0006_settings.sql (default_region, and the `upgrade:reread_phones` mark of stored phone numbers
-- waiting to be read again from their typed form).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO settings (key, value) VALUES ('upgrade:reread_phones', 'pending');
