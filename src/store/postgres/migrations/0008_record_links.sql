-- Links between records in one table for every kind; the same table, index and data move as
-- sqlite/migrations/0009_record_links.sql (which says why). The documents are taken apart as
-- json, not jsonb, so that every other value keeps its text exactly.
CREATE TABLE record_links (
  from_kind text NOT NULL CHECK (from_kind IN ('contact', 'company')),
  from_id bigint NOT NULL,
  role text NOT NULL,
  to_kind text NOT NULL CHECK (to_kind IN ('contact', 'company')),
  to_id bigint NOT NULL,
  position integer NOT NULL,
  job_title text NOT NULL DEFAULT '',
  PRIMARY KEY (from_kind, from_id, role, to_kind, to_id)
);
CREATE INDEX record_links_to ON record_links (to_kind, to_id, role, from_kind, from_id);

INSERT INTO record_links (from_kind, from_id, role, to_kind, to_id, position, job_title)
SELECT 'contact', c.id, 'employer', 'company', (l.value ->> 'company_id')::bigint,
       (l.n - 1)::integer, coalesce(l.value ->> 'job_title', '')
FROM contacts c, json_array_elements(c.doc::json -> 'companies') WITH ORDINALITY AS l(value, n)
WHERE (l.value ->> 'company_id')::bigint IN (SELECT id FROM companies)
ON CONFLICT DO NOTHING;

UPDATE contacts c
SET doc = (SELECT json_object_agg(e.key, e.value ORDER BY e.n)::text
           FROM json_each(c.doc::json) WITH ORDINALITY AS e(key, value, n)
           WHERE e.key <> 'companies')
WHERE c.doc::json -> 'companies' IS NOT NULL;

DROP TABLE contact_companies;
