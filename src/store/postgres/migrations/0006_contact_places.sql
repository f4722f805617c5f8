-- Where contacts are, for filter[city] and filter[country]; the same table as
-- sqlite/migrations/0007_contact_places.sql (cities normalised by the program, and the
-- `upgrade:reindex_contacts` mark of the contacts stored before).
CREATE TABLE contact_places (
  record_id bigint NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  city text NOT NULL,
  country text NOT NULL
);
CREATE INDEX contact_places_city ON contact_places(city, record_id);
CREATE INDEX contact_places_country ON contact_places(country, record_id);
CREATE INDEX contact_places_record ON contact_places(record_id);
INSERT INTO settings (key, value) VALUES ('upgrade:reindex_contacts', 'pending');
