-- A contact's links to companies as rows (the links themselves stay in the contact's `doc`): a
-- search reaches a contact through a company's name only via a company the caller may read, so
-- the contact's own search text no longer holds its companies' names. As
-- sqlite/migrations/0004_search_links.sql.
CREATE TABLE contact_companies (
  company_id bigint NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (company_id, contact_id)
);
CREATE INDEX contact_companies_contact ON contact_companies (contact_id);

INSERT INTO contact_companies (company_id, contact_id)
SELECT DISTINCT (l ->> 'company_id')::bigint, c.id
FROM contacts c, jsonb_array_elements(c.doc::jsonb -> 'companies') l
WHERE (l ->> 'company_id')::bigint IN (SELECT id FROM companies);

-- Takes the company names out of the contacts' search text: each was a line of its own, the
-- company's normalised name, which is the first line of the company's own search text.
DO $$
DECLARE
  link record;
BEGIN
  FOR link IN
    SELECT l.contact_id, split_part(cs.body, E'\n', 1) AS name
    FROM contact_companies l JOIN company_search cs ON cs.record_id = l.company_id
  LOOP
    UPDATE contact_search SET body = replace(body, E'\n' || link.name || E'\n', E'\n')
    WHERE record_id = link.contact_id;
  END LOOP;
END
$$;
