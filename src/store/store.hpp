// The customer store: contacts, companies, activities, their notes and custom field definitions
// behind a small abstract interface that each engine (SQLite, PostgreSQL) implements. Services
// run each use case inside one transact() call (or read() for queries), so several calls commit
// or fail together.
// Every failure is a core::Error value: kNotFound, kStale (expected version differs), kConflict
// (unique custom value, record in the trash), kInvalid (bad filter, sort or cursor), others from
// the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/list_query.hpp"
#include "core/note.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "core/timestamp.hpp"
#include "store/record_row.hpp"

namespace rapport::store {

// Which records a caller may see, applied inside the list query itself so that lists and search
// never return records outside it. Owners and teams match owner_id / team_id; an empty id list
// sees nothing. A team scope also covers `owner`'s records whatever their team, as a team grant
// covers the caller's own records (core::within_scope).
struct RecordScope {
  enum class Kind { kAll, kOwners, kTeams };
  Kind kind = Kind::kAll;
  std::vector<core::Id> ids;
  std::optional<core::Id> owner;
  static RecordScope all() { return {}; }
  static RecordScope owners(std::vector<core::Id> ids) {
    return {Kind::kOwners, std::move(ids), std::nullopt};
  }
  static RecordScope teams(std::vector<core::Id> ids, std::optional<core::Id> owner = {}) {
    return {Kind::kTeams, std::move(ids), owner};
  }
};

// Live records, or the trash.
enum class Shelf { kLive, kTrash };

template <class T>
struct Page {
  std::vector<T> items;
  std::string next;  // cursor for the following page; empty on the last page
};

// A value of a custom field that more than one record holds (in its index text: money as
// "<minor> <currency>"), with the ids of at most kMaxDuplicateIds of them, ascending.
struct CustomDuplicate {
  static constexpr std::size_t kMaxDuplicateIds = 10;
  std::string value;
  std::vector<core::Id> record_ids;
  bool operator==(const CustomDuplicate&) const = default;
};

// Who writes and when: stored as created_by/updated_by and created_at/updated_at/deleted_at.
struct Stamp {
  std::optional<core::Id> actor;
  core::Timestamp now{};
};

// The operations of one transaction. Records passed in must have passed core::validate(); the
// store checks only what needs the database (existence, versions, unique custom values).
class CustomerTx {
 public:
  virtual ~CustomerTx() = default;

  // The operations of every kind of record (contacts, companies, activities; store/records.hpp
  // is their typed front), implemented once per engine over the kind's descriptor and rows.
  //
  // insert_record stores `row` (its id and meta are ignored) with its links and index rows and
  // returns it read back: id, version 1, stamps. Checked first, in this order: the records its
  // reference columns name exist (a field error on that field), then unique custom values.
  virtual core::Result<RecordRow> insert_record(const RecordRow& row, const Stamp& stamp) = 0;
  // The record, live or in the trash; kNotFound ("no such <kind>") when there is none.
  virtual core::Result<RecordRow> get_record(core::RecordKind kind, core::Id id) = 0;
  // Replaces the live record `row.id` when its version is `row.meta.version`, raising it: the
  // references first, then kNotFound, kStale, kConflict (in the trash), unique custom values.
  virtual core::Result<RecordRow> update_record(const RecordRow& row, const Stamp& stamp) = 0;
  // Moves a record to the trash or back to the live ones (`to`), under the same version rule:
  // kConflict when it is already there.
  virtual core::Result<RecordRow> move_record(core::RecordKind kind, core::Id id,
                                              std::int64_t expected_version, Shelf to,
                                              const Stamp& stamp) = 0;
  // Removes the record and everything derived from it: index rows, links from and to it, notes.
  virtual core::Status erase_record(core::RecordKind kind, core::Id id) = 0;
  // A page of records of `kind` in `scope` on `shelf` matching `query` (filters, sort, search,
  // keyset cursor; filter[city] and filter[country] match any of a record's places). For a kind
  // whose links to companies are searchable, the search also reaches a record through the name
  // of a linked company, only for the live companies in `companies` (those the caller may
  // read). kInvalid for a field outside the allowlist, a bad value or cursor.
  virtual core::Result<Page<RecordRow>> list_records(core::RecordKind kind,
                                                     const core::ListQuery& query,
                                                     const RecordScope& scope, Shelf shelf,
                                                     const RecordScope& companies) = 0;

  // Rebuilds the index rows (search text, name bigrams, tags, custom values, places) and the
  // sort columns (name keys, language, time zone) of record `id` of `kind` from the stored
  // record, e.g. after an upgrade that indexes more of it or a new ICU version.
  virtual core::Status reindex(core::RecordKind kind, core::Id id) = 0;

  // Notes on contacts and companies. Writing a note rebuilds its parent's search text, so that
  // a search finds the parent by the words of its notes. create: kNotFound when the parent does
  // not exist; returns the note with id, version 1 and stamps. update replaces the body (the
  // parent is fixed) when the version equals `note.meta.version`: kStale on a mismatch,
  // kNotFound when absent; delete removes the note outright under the same rule.
  virtual core::Result<core::Note> create_note(const core::Note& note, const Stamp& stamp) = 0;
  virtual core::Result<core::Note> get_note(core::Id id) = 0;
  virtual core::Result<core::Note> update_note(const core::Note& note, const Stamp& stamp) = 0;
  virtual core::Status delete_note(core::Id id, std::int64_t expected_version) = 0;
  // A page of `parent`'s notes, newest first (created_at, then id, descending), at most `limit`
  // (1..kMaxPageSize) after cursor `after` (empty for the first page). kInvalid for a bad limit
  // or cursor.
  virtual core::Result<Page<core::Note>> list_notes(const core::NoteParent& parent, int limit,
                                                    const std::string& after) = 0;

  // Custom field definitions. create: kConflict when the entity already has the key. update
  // changes label, options, required and unique (key, entity and type are fixed) under the
  // version rule. delete removes the definition and every stored value of it, and rebuilds the
  // search text of the records that held one, so that a search stops finding them by it at once.
  virtual core::Result<core::CustomFieldDefinition> create_custom_field(
      const core::CustomFieldDefinition& definition, const Stamp& stamp) = 0;
  virtual core::Result<core::CustomFieldDefinition> update_custom_field(
      const core::CustomFieldDefinition& definition, const Stamp& stamp) = 0;
  virtual core::Status delete_custom_field(core::Id id, std::int64_t expected_version) = 0;
  virtual core::Result<std::vector<core::CustomFieldDefinition>> list_custom_fields(
      core::RecordKind entity) = 0;
  // How many records of `definition`'s entity (live or in the trash) hold `option` in it: as
  // the value of a single select, among the choices of a multi select.
  virtual core::Result<std::int64_t> count_option_uses(
      const core::CustomFieldDefinition& definition, const std::string& option) = 0;
  // The values of `definition` that several records (live or in the trash) share, in value
  // order, at most `limit` of them.
  virtual core::Result<std::vector<CustomDuplicate>> custom_duplicates(
      const core::CustomFieldDefinition& definition, int limit) = 0;

  // The organisation's settings by key ("default_region"): the value, or nullopt when unset.
  // set_setting inserts or replaces; erase_setting removes it (absent is fine).
  virtual core::Result<std::optional<std::string>> get_setting(std::string_view key) = 0;
  virtual core::Status set_setting(std::string_view key, std::string_view value) = 0;
  virtual core::Status erase_setting(std::string_view key) = 0;
};

class CustomerStore {
 public:
  virtual ~CustomerStore() = default;

  // Applies missing migrations; returns the schema version now in place. kConflict when the
  // database's schema is newer than this program.
  virtual core::Result<int> migrate() = 0;
  virtual core::Result<int> schema_version() = 0;
  virtual int latest_schema_version() const = 0;

  // Runs `work` as one transaction: committed when it returns ok, rolled back (and its error
  // returned) otherwise.
  virtual core::Status transact(const std::function<core::Status(CustomerTx&)>& work) = 0;
  // Runs read-only `work` on one consistent snapshot, alongside writers.
  virtual core::Status read(const std::function<core::Status(CustomerTx&)>& work) = 0;
};

// Opens the store a URL names: "postgresql://…" or "postgres://…" for PostgreSQL, anything else
// is a SQLite file path ("var/rapport.db"; "sqlite:" in front is allowed). Does not migrate.
// kUnavailable when the database cannot be reached or the engine is not built in.
core::Result<std::unique_ptr<CustomerStore>> open(const std::string& url);

}  // namespace rapport::store
