-- Customer data: companies, contacts, their tags and custom values, custom field definitions,
-- and the search indexes. Times are milliseconds since the Unix epoch (UTC). Fields that are
-- never filtered or sorted on live in `doc`, a JSON object written by store/customer_codec.
CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
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
CREATE INDEX companies_name ON companies(name, id);
CREATE INDEX companies_owner ON companies(owner_id, id);
CREATE INDEX companies_team ON companies(team_id, id);
CREATE INDEX companies_created ON companies(created_at, id);
CREATE INDEX companies_updated ON companies(updated_at, id);
CREATE INDEX companies_parent ON companies(parent_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
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
-- Keyset order for the sortable fields and the common filters (owner + stage, team scope).
CREATE INDEX contacts_owner_stage ON contacts(owner_id, lifecycle_stage, id);
CREATE INDEX contacts_stage ON contacts(lifecycle_stage, id);
CREATE INDEX contacts_team ON contacts(team_id, id);
CREATE INDEX contacts_display ON contacts(display_name, id);
CREATE INDEX contacts_family ON contacts(family_name, id);
CREATE INDEX contacts_given ON contacts(given_name, id);
CREATE INDEX contacts_created ON contacts(created_at, id);
CREATE INDEX contacts_updated ON contacts(updated_at, id);
CREATE INDEX contacts_deleted ON contacts(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE contact_tags (
  tag TEXT NOT NULL,
  record_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  PRIMARY KEY (tag, record_id)
) WITHOUT ROWID;
CREATE INDEX contact_tags_record ON contact_tags(record_id);
CREATE TABLE company_tags (
  tag TEXT NOT NULL,
  record_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  PRIMARY KEY (tag, record_id)
) WITHOUT ROWID;
CREATE INDEX company_tags_record ON company_tags(record_id);

-- One row per custom value: `value` is its canonical text (a JSON array for multi-select),
-- `number` its numeric value for number, money (minor units), date and date-time fields.
CREATE TABLE contact_custom (
  record_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  number REAL,
  PRIMARY KEY (record_id, key)
) WITHOUT ROWID;
CREATE INDEX contact_custom_value ON contact_custom(key, value);
CREATE INDEX contact_custom_number ON contact_custom(key, number);
CREATE TABLE company_custom (
  record_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  number REAL,
  PRIMARY KEY (record_id, key)
) WITHOUT ROWID;
CREATE INDEX company_custom_value ON company_custom(key, value);
CREATE INDEX company_custom_number ON company_custom(key, number);

CREATE TABLE custom_fields (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (entity, key)
);

-- Search: the normalised text of a record (core/search_text) under the trigram tokenizer finds
-- any substring of three or more characters; `*_grams` holds the distinct two-character
-- substrings of the normalised names, for shorter queries (two-character Chinese given names).
CREATE VIRTUAL TABLE contact_search USING fts5(body, tokenize = 'trigram');
CREATE TABLE contact_grams (
  gram TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  PRIMARY KEY (gram, record_id)
) WITHOUT ROWID;
CREATE INDEX contact_grams_record ON contact_grams(record_id);
CREATE VIRTUAL TABLE company_search USING fts5(body, tokenize = 'trigram');
CREATE TABLE company_grams (
  gram TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  PRIMARY KEY (gram, record_id)
) WITHOUT ROWID;
CREATE INDEX company_grams_record ON company_grams(record_id);
