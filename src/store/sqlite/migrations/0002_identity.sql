-- Identity: teams, users, sessions, API tokens, login attempts and the append-only audit log.
-- Secrets are stored only as hashes; times are UTC seconds since the Unix epoch.
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
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
CREATE INDEX users_team ON users (team_id);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  client_address TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'read-write')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE login_attempts (
  kind TEXT NOT NULL CHECK (kind IN ('account', 'address')),
  key TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failure INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;

-- actor_id and object_id carry no foreign keys: the log outlives the rows it mentions.
-- AUTOINCREMENT: an id is never reused, so keyset paging over the log stays exact.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id INTEGER,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id INTEGER,
  changes TEXT NOT NULL,
  at INTEGER NOT NULL,
  client_address TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_at ON audit_log (at, id);

-- Append-only, enforced by the database: no DELETE, and the one UPDATE allowed is the redaction
-- of an erased person's changes, which must leave every other column as it was.
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_only_redaction BEFORE UPDATE ON audit_log
WHEN NEW.changes IS NOT '{"redacted":true}'
  OR NEW.id IS NOT OLD.id OR NEW.actor_id IS NOT OLD.actor_id OR NEW.action IS NOT OLD.action
  OR NEW.object_type IS NOT OLD.object_type OR NEW.object_id IS NOT OLD.object_id
  OR NEW.at IS NOT OLD.at OR NEW.client_address IS NOT OLD.client_address
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
