-- The organisation's settings, one row per key (e.g. default_region: the ISO 3166 code phone
-- numbers without a country code are read in when neither the phone, the contact's address nor
-- its company names a country). `upgrade:reread_phones` marks stored phone numbers as waiting to
-- be read again from their typed form under those rules; the upgrade step that does it (run by
-- `rapport migrate` and `rapport serve`) reports what it changed and removes the mark.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings (key, value) VALUES ('upgrade:reread_phones', 'pending');
