-- Notes hang off (parent_kind, parent_id) instead of one foreign-key column per kind, so that a
-- new kind of record gets notes (and a timeline) without a column of its own. parent_kind is
-- the kind's stable name (core/record_kind.hpp); the CHECK lists the kinds that exist. With no
-- foreign key to cascade, erasing a record deletes its notes in the program (both engines'
-- erase paths), and a note's parent is checked to exist when it is written. The table is rebuilt
-- (SQLite cannot drop a column that a foreign key, an index or a CHECK names); rows keep their
-- ids and the id sequence keeps its place, so a deleted note's id is still never handed out again.
CREATE TABLE notes_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_kind TEXT NOT NULL CHECK (parent_kind IN ('contact', 'company')),
  parent_id INTEGER NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER
);
INSERT INTO notes_new (id, parent_kind, parent_id, body, version, created_at, created_by,
                       updated_at, updated_by)
SELECT id, CASE WHEN contact_id IS NOT NULL THEN 'contact' ELSE 'company' END,
       coalesce(contact_id, company_id), body, version, created_at, created_by, updated_at,
       updated_by
FROM notes;
INSERT INTO sqlite_sequence (name, seq)
SELECT 'notes_new', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'notes_new');
UPDATE sqlite_sequence
SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'notes'), 0))
WHERE name = 'notes_new';
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
-- A record's notes, newest first, in keyset order.
CREATE INDEX notes_parent ON notes (parent_kind, parent_id, created_at, id);
