-- Notes on the timeline of a contact or a company (exactly one of the two). Times are
-- milliseconds since the Unix epoch (UTC). Erasing the record erases its notes; trashing it
-- leaves them. AUTOINCREMENT: a deleted note's id, which the audit log keeps, is never reused.
CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  company_id INTEGER REFERENCES companies(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER,
  CHECK ((contact_id IS NULL) <> (company_id IS NULL))
);
-- A record's timeline, newest first, in keyset order.
CREATE INDEX notes_contact ON notes(contact_id, created_at, id);
CREATE INDEX notes_company ON notes(company_id, created_at, id);
