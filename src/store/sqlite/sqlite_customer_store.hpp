// The SQLite implementation of store::CustomerStore (schema in migrations/0001_customers.sql).
// Records of every kind live in sqlite_records.cpp, notes in sqlite_notes.cpp
// (migrations/0010_note_parents.sql); this file's unit holds the store, custom field definitions
// and the trash/version helpers they share.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_dialect.hpp"
#include "store/store.hpp"

namespace rapport::store::sqlite {

class SqliteCustomerTx final : public CustomerTx {
 public:
  explicit SqliteCustomerTx(SqliteConnection& conn) : conn_(conn) {}

  core::Result<RecordRow> insert_record(const RecordRow& row, const Stamp& stamp) override;
  core::Result<RecordRow> get_record(core::RecordKind kind, core::Id id) override;
  core::Result<RecordRow> update_record(const RecordRow& row, const Stamp& stamp) override;
  core::Result<RecordRow> move_record(core::RecordKind kind, core::Id id,
                                      std::int64_t expected_version, Shelf to,
                                      const Stamp& stamp) override;
  core::Status erase_record(core::RecordKind kind, core::Id id) override;
  core::Result<Page<RecordRow>> list_records(core::RecordKind kind, const core::ListQuery& query,
                                             const RecordScope& scope, Shelf shelf,
                                             const RecordScope& companies) override;

  core::Status reindex(core::RecordKind kind, core::Id id) override;

  core::Result<core::Note> create_note(const core::Note& note, const Stamp& stamp) override;
  core::Result<core::Note> get_note(core::Id id) override;
  core::Result<core::Note> update_note(const core::Note& note, const Stamp& stamp) override;
  core::Status delete_note(core::Id id, std::int64_t expected_version) override;
  core::Result<Page<core::Note>> list_notes(const core::NoteParent& parent, int limit,
                                            const std::string& after) override;

  core::Result<core::CustomFieldDefinition> create_custom_field(
      const core::CustomFieldDefinition& definition, const Stamp& stamp) override;
  core::Result<core::CustomFieldDefinition> update_custom_field(
      const core::CustomFieldDefinition& definition, const Stamp& stamp) override;
  core::Status delete_custom_field(core::Id id, std::int64_t expected_version) override;
  core::Result<std::vector<core::CustomFieldDefinition>> list_custom_fields(
      core::RecordKind entity) override;
  core::Result<std::int64_t> count_option_uses(const core::CustomFieldDefinition& definition,
                                               const std::string& option) override;
  core::Result<std::vector<CustomDuplicate>> custom_duplicates(
      const core::CustomFieldDefinition& definition, int limit) override;

  core::Result<std::optional<std::string>> get_setting(std::string_view key) override;
  core::Status set_setting(std::string_view key, std::string_view value) override;
  core::Status erase_setting(std::string_view key) override;

 private:
  // Moves record `id` of `kind` into (`trash`) or out of the trash under the version rule.
  core::Status set_trashed(core::RecordKind kind, core::Id id, std::int64_t expected_version,
                           const Stamp& stamp, bool trash);
  // Why a versioned UPDATE of a record changed no row, in the order PostgreSQL's store checks
  // too (record_errors.hpp): kNotFound, kStale, then kConflict (it is on the other shelf than
  // `want_live` asks).
  core::Error unchanged(core::RecordKind kind, core::Id id, std::int64_t expected_version,
                        bool want_live);
  // The bodies of `parent`'s notes, oldest first, for its search text.
  core::Result<std::vector<std::string>> note_bodies(const core::NoteParent& parent);
  // Removes the notes of `parent`, which is being erased (no foreign key cascades them).
  core::Status erase_notes(const core::NoteParent& parent);

  SqliteConnection& conn_;
};

class SqliteCustomerStore final : public CustomerStore {
 public:
  // Opens (creating) the database file at `path`; does not migrate.
  static core::Result<std::unique_ptr<SqliteCustomerStore>> open(const std::string& path);

  core::Result<int> migrate() override;
  core::Result<int> schema_version() override;
  int latest_schema_version() const override;
  core::Status transact(const std::function<core::Status(CustomerTx&)>& work) override;
  core::Status read(const std::function<core::Status(CustomerTx&)>& work) override;

  SqliteDatabase& database() { return *db_; }

  // `rapport compact`: merges each full-text index into one segment, which drops the trigrams of
  // erased records that a deletion only marks as gone, rebuilds the file without free pages
  // (VACUUM: the space freed by erasures made before secure_delete was set, or by a SQLite built
  // without it, may still hold their bytes) and checkpoints the WAL into it. Writes wait while it
  // rebuilds; kUnavailable when readers keep the checkpoint from finishing.
  core::Status compact();

 private:
  explicit SqliteCustomerStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
  std::unique_ptr<SqliteDatabase> db_;
};

}  // namespace rapport::store::sqlite
