-- A contact's links to companies as rows (the links themselves stay in the contact's `doc`): a
-- search reaches a contact through a company's name only via a company the caller may read, so
-- the contact's own search text no longer holds its companies' names.
CREATE TABLE contact_companies (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  PRIMARY KEY (company_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX contact_companies_contact ON contact_companies(contact_id);

INSERT OR IGNORE INTO contact_companies (company_id, contact_id)
SELECT json_extract(l.value, '$.company_id'), c.id
FROM contacts c, json_each(c.doc, '$.companies') l
WHERE json_extract(l.value, '$.company_id') IN (SELECT id FROM companies);

-- Takes the company names out of the contacts' search text: each was a line of its own, the
-- company's normalised name, which is the first line of the company's own search text.
WITH RECURSIVE
  names(contact_id, n, name) AS (
    SELECT l.contact_id,
           row_number() OVER (PARTITION BY l.contact_id ORDER BY l.company_id),
           substr(cs.body, 1, instr(cs.body || char(10), char(10)) - 1)
    FROM contact_companies l JOIN company_search cs ON cs.rowid = l.company_id),
  stripped(contact_id, n, body) AS (
    SELECT s.rowid, 0, s.body FROM contact_search s
    WHERE s.rowid IN (SELECT contact_id FROM contact_companies)
    UNION ALL
    SELECT st.contact_id, st.n + 1,
           replace(st.body, char(10) || nm.name || char(10), char(10))
    FROM stripped st JOIN names nm ON nm.contact_id = st.contact_id AND nm.n = st.n + 1)
UPDATE contact_search
SET body = (SELECT body FROM stripped WHERE contact_id = contact_search.rowid
            ORDER BY n DESC LIMIT 1)
WHERE rowid IN (SELECT contact_id FROM contact_companies);
