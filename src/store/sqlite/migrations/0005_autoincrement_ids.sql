-- Ids are never reused: the audit log, erasure and outside systems key on them, and a reused
-- contact id showed the next contact the erased person's (redacted) history. The tables that
-- 0001/0002 created with a plain INTEGER PRIMARY KEY (which hands out max(id) + 1 again after the
-- highest row is deleted) are rebuilt with AUTOINCREMENT, keeping rows, indexes and foreign keys
-- (the runner turns foreign keys off around a migration and checks them before committing).
-- Each table's sequence starts past every id it ever held: its rows and the audit log's
-- mentions, which outlive deleted rows.

CREATE TABLE teams_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO teams_new SELECT * FROM teams;
DROP TABLE teams;
ALTER TABLE teams_new RENAME TO teams;

CREATE TABLE users_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL,
  active INTEGER NOT NULL DEFAULT 1,
  locked INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO users_new SELECT * FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_team ON users (team_id);

CREATE TABLE api_tokens_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'read-write')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
INSERT INTO api_tokens_new SELECT * FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE companies_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  owner_id INTEGER,
  team_id INTEGER,
  parent_id INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER,
  deleted_at INTEGER
);
INSERT INTO companies_new SELECT * FROM companies;
DROP TABLE companies;
ALTER TABLE companies_new RENAME TO companies;
CREATE INDEX companies_name ON companies(name, id);
CREATE INDEX companies_owner ON companies(owner_id, id);
CREATE INDEX companies_team ON companies(team_id, id);
CREATE INDEX companies_created ON companies(created_at, id);
CREATE INDEX companies_updated ON companies(updated_at, id);
CREATE INDEX companies_parent ON companies(parent_id);

CREATE TABLE contacts_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  lifecycle_stage TEXT NOT NULL,
  lead_source TEXT NOT NULL DEFAULT '',
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
INSERT INTO contacts_new SELECT * FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_new RENAME TO contacts;
CREATE INDEX contacts_owner_stage ON contacts(owner_id, lifecycle_stage, id);
CREATE INDEX contacts_stage ON contacts(lifecycle_stage, id);
CREATE INDEX contacts_team ON contacts(team_id, id);
CREATE INDEX contacts_display ON contacts(display_name, id);
CREATE INDEX contacts_family ON contacts(family_name, id);
CREATE INDEX contacts_given ON contacts(given_name, id);
CREATE INDEX contacts_created ON contacts(created_at, id);
CREATE INDEX contacts_updated ON contacts(updated_at, id);
CREATE INDEX contacts_deleted ON contacts(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE custom_fields_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (entity, key)
);
INSERT INTO custom_fields_new SELECT * FROM custom_fields;
DROP TABLE custom_fields;
ALTER TABLE custom_fields_new RENAME TO custom_fields;

-- The copies above left each table's sequence at its highest live id (no row when it was
-- empty); the audit log may name higher ones (deleted or erased rows).
CREATE TEMP TABLE id_sequences (name TEXT PRIMARY KEY, object_type TEXT NOT NULL);
INSERT INTO id_sequences VALUES ('teams', 'teams'), ('users', 'users'), ('api_tokens', 'tokens'),
  ('companies', 'companies'), ('contacts', 'contacts'), ('custom_fields', 'custom_fields');
INSERT INTO sqlite_sequence (name, seq)
SELECT name, 0 FROM id_sequences WHERE name NOT IN (SELECT name FROM sqlite_sequence);
UPDATE sqlite_sequence
SET seq = max(seq, coalesce((SELECT max(a.object_id) FROM audit_log a, id_sequences i
                             WHERE i.name = sqlite_sequence.name
                               AND a.object_type = i.object_type), 0))
WHERE name IN (SELECT name FROM id_sequences);
DROP TABLE id_sequences;
