-- Links between records in one table for every kind (store/record_links.hpp): a row per link,
-- from (kind, id) to (kind, id) in a role, with its position among the record's links of that
-- role (the order the client sent them in) and a small attribute (a contact's job title at a
-- company). Kinds are their stable names (core/record_kind). A contact's companies ("employer"
-- links) move here out of the contact's document, and contact_companies, which repeated them for
-- search, goes. No foreign keys, since either end may be of any kind: the store checks a link's
-- target when it writes it and removes a record's links from both ends when it erases it.
CREATE TABLE record_links (
  from_kind TEXT NOT NULL CHECK (from_kind IN ('contact', 'company')),
  from_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  to_kind TEXT NOT NULL CHECK (to_kind IN ('contact', 'company')),
  to_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (from_kind, from_id, role, to_kind, to_id)
) WITHOUT ROWID;
-- The other way: the records linked to one (a company's contacts, for search and erasure).
CREATE INDEX record_links_to ON record_links(to_kind, to_id, role, from_kind, from_id);

-- Links to companies that no longer exist are left behind, as contact_companies left them.
INSERT OR IGNORE INTO record_links (from_kind, from_id, role, to_kind, to_id, position, job_title)
SELECT 'contact', c.id, 'employer', 'company', json_extract(l.value, '$.company_id'), l.key,
       ifnull(json_extract(l.value, '$.job_title'), '')
FROM contacts c, json_each(c.doc, '$.companies') l
WHERE json_extract(l.value, '$.company_id') IN (SELECT id FROM companies);

UPDATE contacts SET doc = json_remove(doc, '$.companies')
WHERE json_type(doc, '$.companies') IS NOT NULL;

DROP TABLE contact_companies;
