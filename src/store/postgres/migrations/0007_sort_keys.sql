-- Language-aware sorting (core/collation); the same columns and indexes as
-- sqlite/migrations/0008_sort_keys.sql. Each name gets its ICU sort key beside it, and lists sort
-- and page on (key, id) in byte order. Contacts also get their preferred language and time zone as
-- columns (from the document) so lists filter and sort on them, and custom values get a sort key
-- (collation key for text, number key for numbers, money and dates). The program writes all of
-- them; the upgrade step `reindex_stored_records` computes them for the rows stored before, and
-- again whenever ICU's collator version differs from the one recorded in settings.
ALTER TABLE contacts ADD COLUMN given_key text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN family_key text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN display_key text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN preferred_language text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN time_zone text NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN name_key text NOT NULL DEFAULT '';
ALTER TABLE contact_custom ADD COLUMN sort_key text NOT NULL DEFAULT '';
ALTER TABLE company_custom ADD COLUMN sort_key text NOT NULL DEFAULT '';

DROP INDEX contacts_given;
DROP INDEX contacts_family;
DROP INDEX contacts_display;
DROP INDEX companies_name;
CREATE INDEX contacts_given ON contacts (given_key COLLATE "C", id);
CREATE INDEX contacts_family ON contacts (family_key COLLATE "C", id);
CREATE INDEX contacts_display ON contacts (display_key COLLATE "C", id);
CREATE INDEX contacts_language ON contacts (preferred_language COLLATE "C", id);
CREATE INDEX contacts_time_zone ON contacts (time_zone COLLATE "C", id);
CREATE INDEX contacts_owner_sort ON contacts (coalesce(owner_id, 0), id);
CREATE INDEX companies_name ON companies (name_key COLLATE "C", id);
CREATE INDEX companies_owner_sort ON companies (coalesce(owner_id, 0), id);
CREATE INDEX contact_custom_sort ON contact_custom (key, sort_key COLLATE "C", record_id);
CREATE INDEX company_custom_sort ON company_custom (key, sort_key COLLATE "C", record_id);
