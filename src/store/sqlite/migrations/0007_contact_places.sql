-- Where contacts are, for filter[city] and filter[country]: one row per address naming a city or
-- a country, the city normalised as search text is (core/search_text), so that "den haag" finds
-- "Den Haag". The rows and the search text (which now holds cities) are written by the program;
-- `upgrade:reindex_contacts` marks the contacts stored before as waiting to be indexed again.
CREATE TABLE contact_places (
  record_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  city TEXT NOT NULL,
  country TEXT NOT NULL
);
CREATE INDEX contact_places_city ON contact_places(city, record_id);
CREATE INDEX contact_places_country ON contact_places(country, record_id);
CREATE INDEX contact_places_record ON contact_places(record_id);
INSERT INTO settings (key, value) VALUES ('upgrade:reindex_contacts', 'pending');
