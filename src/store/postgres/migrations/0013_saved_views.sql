-- Saved views of lists, as sqlite/migrations/0014_saved_views.sql.
CREATE TABLE saved_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  team_id bigint REFERENCES teams (id) ON DELETE SET NULL,
  kind text NOT NULL,
  name text NOT NULL,
  query text NOT NULL,
  columns text NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (owner_id, kind, name)
);
CREATE INDEX saved_views_team ON saved_views (team_id, kind);
