// The PostgreSQL implementation of store::CustomerStore: records of every kind, notes and custom
// field definitions (schema in migrations/), with the same behaviour as SQLite's.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_pool.hpp"
#include "store/store.hpp"

namespace rapport::store::postgres {

// Vacuums the tables that hold personal data (records, their derived rows and the audit log),
// outside any transaction: after an erase, so that the erased rows' dead tuples are removed from
// the tables' files rather than kept until autovacuum gets to them.
core::Status vacuum_erased(PgPool& pool);

// What compact_erased() did besides rewriting the tables.
struct PgCompaction {
  // False when the role may not run CHECKPOINT (neither superuser nor pg_checkpoint): the new
  // files then reach the disk at the server's next checkpoint.
  bool checkpointed = false;
};

// `rapport compact`: rewrites the tables vacuum_erased() vacuums, with their indexes and TOAST
// tables, into new files (VACUUM FULL, which holds each table's ACCESS EXCLUSIVE lock while it is
// rewritten), so that no relation file keeps the bytes of an erased row, then checkpoints when
// the role may. Plain VACUUM frees those bytes' space without overwriting it.
core::Result<PgCompaction> compact_erased(PgPool& pool);

// The operations of one transaction, on the connection transact() holds.
class PgCustomerTx final : public CustomerTx {
 public:
  explicit PgCustomerTx(PgConnection& conn) : conn_(conn) {}

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
  // Removes the notes of `parent`, which is being erased (no foreign key cascades them).
  core::Status erase_notes(const core::NoteParent& parent);

  PgConnection& conn_;
};

// The bodies of `parent`'s notes, oldest first, for its search text.
core::Result<std::vector<std::string>> note_bodies(PgConnection& conn,
                                                   const core::NoteParent& parent);

class PgCustomerStore final : public CustomerStore {
 public:
  // Uses `pool`, which must outlive the store (shared with the other PostgreSQL stores).
  explicit PgCustomerStore(PgPool& pool) : pool_(pool) {}
  // Owns `pool` (what store::open returns).
  explicit PgCustomerStore(std::unique_ptr<PgPool> pool)
      : owned_(std::move(pool)), pool_(*owned_) {}

  core::Result<int> migrate() override;
  core::Result<int> schema_version() override;
  int latest_schema_version() const override;
  core::Status transact(const std::function<core::Status(CustomerTx&)>& work) override;
  core::Status read(const std::function<core::Status(CustomerTx&)>& work) override;

  // The connection pool's figures, for /metrics.
  PgPoolStats pool_stats() const { return pool_.stats(); }

 private:
  std::unique_ptr<PgPool> owned_;
  PgPool& pool_;
};

// Opens a pool on `url` and a customer store over it; does not migrate. kUnavailable when the
// server cannot be reached.
core::Result<std::unique_ptr<CustomerStore>> open_customer_store(const std::string& url);

}  // namespace rapport::store::postgres
