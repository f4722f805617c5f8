-- Activities (core/activity.hpp): calls, meetings, tasks and logged e-mails, the first kind built
-- on the generic record path. Its table has the columns its descriptor (core/activity_kind.cpp)
-- names, a (column, id) index per sortable field, and the derived tables every kind has:
-- activity_tags, activity_custom, activity_search (trigram full text) and activity_grams. Its
-- links to contacts and companies are rows of record_links.
--
-- The kind columns of record_links and notes lose their CHECK lists of kinds: kinds are written
-- only from core::RecordKind, never from input, and with the lists every new kind would rebuild
-- both tables (SQLite cannot alter a CHECK). Rows and ids are kept; the notes' id sequence keeps
-- its place, so a deleted note's id is still never handed out again.
CREATE TABLE activities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  status TEXT NOT NULL,
  priority TEXT NOT NULL,
  direction TEXT NOT NULL DEFAULT '',
  starts_at INTEGER,
  due_at INTEGER,
  remind_at INTEGER,
  owner_id INTEGER,
  team_id INTEGER,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER,
  deleted_at INTEGER
);
CREATE INDEX activities_type ON activities(type, id);
CREATE INDEX activities_subject ON activities(subject_key, id);
CREATE INDEX activities_status ON activities(status, id);
CREATE INDEX activities_priority ON activities(priority, id);
CREATE INDEX activities_starts ON activities(ifnull(starts_at, 0), id);
CREATE INDEX activities_due ON activities(ifnull(due_at, 0), id);
CREATE INDEX activities_remind ON activities(remind_at) WHERE remind_at IS NOT NULL;
-- "My open tasks by due date": owner, then status, then due date.
CREATE INDEX activities_owner_status_due ON activities(owner_id, status, due_at, id);
CREATE INDEX activities_owner_sort ON activities(ifnull(owner_id, 0), id);
CREATE INDEX activities_team ON activities(team_id, id);
CREATE INDEX activities_created ON activities(created_at, id);
CREATE INDEX activities_updated ON activities(updated_at, id);
CREATE INDEX activities_deleted ON activities(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE activity_tags (
  tag TEXT NOT NULL,
  record_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  PRIMARY KEY (tag, record_id)
) WITHOUT ROWID;
CREATE INDEX activity_tags_record ON activity_tags(record_id);

CREATE TABLE activity_custom (
  record_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  number REAL,
  sort_key TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (record_id, key)
) WITHOUT ROWID;
CREATE INDEX activity_custom_value ON activity_custom(key, value);
CREATE INDEX activity_custom_number ON activity_custom(key, number);
CREATE INDEX activity_custom_sort ON activity_custom(key, sort_key, record_id);

CREATE VIRTUAL TABLE activity_search USING fts5(body, tokenize = 'trigram');
CREATE TABLE activity_grams (
  gram TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  PRIMARY KEY (gram, record_id)
) WITHOUT ROWID;
CREATE INDEX activity_grams_record ON activity_grams(record_id);

CREATE TABLE record_links_new (
  from_kind TEXT NOT NULL,
  from_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  to_kind TEXT NOT NULL,
  to_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (from_kind, from_id, role, to_kind, to_id)
) WITHOUT ROWID;
INSERT INTO record_links_new SELECT * FROM record_links;
DROP TABLE record_links;
ALTER TABLE record_links_new RENAME TO record_links;
CREATE INDEX record_links_to ON record_links(to_kind, to_id, role, from_kind, from_id);

CREATE TABLE notes_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_kind TEXT NOT NULL,
  parent_id INTEGER NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER
);
INSERT INTO notes_new SELECT id, parent_kind, parent_id, body, version, created_at, created_by,
                             updated_at, updated_by FROM notes;
INSERT INTO sqlite_sequence (name, seq)
SELECT 'notes_new', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'notes_new');
UPDATE sqlite_sequence
SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'notes'), 0))
WHERE name = 'notes_new';
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
CREATE INDEX notes_parent ON notes (parent_kind, parent_id, created_at, id);
