-- Notes hang off (parent_kind, parent_id) instead of one foreign-key column per kind; the same
-- table as sqlite/migrations/0010_note_parents.sql. parent_kind is the kind's stable name
-- (core/record_kind.hpp); the CHECK lists the kinds that exist. With no foreign key to cascade,
-- erasing a record deletes its notes in the program (both engines' erase paths), and a note's
-- parent is checked (and locked) when it is written. Dropping the old columns drops their
-- foreign keys, indexes and CHECK with them.
ALTER TABLE notes ADD COLUMN parent_kind text, ADD COLUMN parent_id bigint;
UPDATE notes SET parent_kind = CASE WHEN contact_id IS NOT NULL THEN 'contact' ELSE 'company' END,
                 parent_id = coalesce(contact_id, company_id);
ALTER TABLE notes
  ALTER COLUMN parent_kind SET NOT NULL,
  ALTER COLUMN parent_id SET NOT NULL,
  ADD CONSTRAINT notes_parent_kind CHECK (parent_kind IN ('contact', 'company')),
  DROP COLUMN contact_id,
  DROP COLUMN company_id;
-- A record's notes, newest first, in keyset order.
CREATE INDEX notes_parent ON notes (parent_kind, parent_id, created_at, id);
