// The typed front of the generic store operations: create, get, update, trash, restore, erase and
// list for any record type with a RecordCodec, so that services keep their typed records while
// the engines implement each operation once over rows (CustomerTx::insert_record and the rest).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/activity.hpp"
#include "core/company.hpp"
#include "core/contact.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "store/record_row.hpp"
#include "store/store.hpp"

namespace rapport::store {

// How one record type maps to rows; specialised once per kind:
//   static constexpr core::RecordKind kKind;
//   static RecordRow to_row(const Record&);
//   static core::Result<Record> from_row(const RecordRow&);
//   static RecordIndex index(const Record&, definitions, note bodies);
template <class Record>
struct RecordCodec;

template <>
struct RecordCodec<core::Contact> {
  static constexpr core::RecordKind kKind = core::RecordKind::kContact;
  static RecordRow to_row(const core::Contact& contact);
  static core::Result<core::Contact> from_row(const RecordRow& row);
  static RecordIndex index(const core::Contact& contact,
                           const std::vector<core::CustomFieldDefinition>& definitions,
                           const std::vector<std::string>& note_bodies);
};

template <>
struct RecordCodec<core::Company> {
  static constexpr core::RecordKind kKind = core::RecordKind::kCompany;
  static RecordRow to_row(const core::Company& company);
  static core::Result<core::Company> from_row(const RecordRow& row);
  static RecordIndex index(const core::Company& company,
                           const std::vector<core::CustomFieldDefinition>& definitions,
                           const std::vector<std::string>& note_bodies);
};

template <>
struct RecordCodec<core::Activity> {
  static constexpr core::RecordKind kKind = core::RecordKind::kActivity;
  static RecordRow to_row(const core::Activity& activity);
  static core::Result<core::Activity> from_row(const RecordRow& row);
  static RecordIndex index(const core::Activity& activity,
                           const std::vector<core::CustomFieldDefinition>& definitions,
                           const std::vector<std::string>& note_bodies);
};

// Inserts `record` (its id and meta are ignored); returns it as stored: id, version 1, stamps.
template <class Record>
core::Result<Record> create(CustomerTx& tx, const Record& record, const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(RecordRow row,
                           tx.insert_record(RecordCodec<Record>::to_row(record), stamp));
  return RecordCodec<Record>::from_row(row);
}

// The record, live or in the trash; kNotFound when there is none.
template <class Record>
core::Result<Record> get(CustomerTx& tx, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(RecordRow row, tx.get_record(RecordCodec<Record>::kKind, id));
  return RecordCodec<Record>::from_row(row);
}

// Replaces the live record `record.id` when its version is `record.meta.version`.
template <class Record>
core::Result<Record> update(CustomerTx& tx, const Record& record, const Stamp& stamp) {
  RecordRow row = RecordCodec<Record>::to_row(record);
  row.id = record.id;
  row.meta = record.meta;
  RAPPORT_ASSIGN_OR_RETURN(RecordRow stored, tx.update_record(row, stamp));
  return RecordCodec<Record>::from_row(stored);
}

// Moves the record to `shelf` (the trash, or back to the live records) under the version rule.
template <class Record>
core::Result<Record> move(CustomerTx& tx, core::Id id, std::int64_t expected_version, Shelf shelf,
                          const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(RecordRow row, tx.move_record(RecordCodec<Record>::kKind, id,
                                                         expected_version, shelf, stamp));
  return RecordCodec<Record>::from_row(row);
}

template <class Record>
core::Result<Record> trash(CustomerTx& tx, core::Id id, std::int64_t expected_version,
                           const Stamp& stamp) {
  return move<Record>(tx, id, expected_version, Shelf::kTrash, stamp);
}

template <class Record>
core::Result<Record> restore(CustomerTx& tx, core::Id id, std::int64_t expected_version,
                             const Stamp& stamp) {
  return move<Record>(tx, id, expected_version, Shelf::kLive, stamp);
}

template <class Record>
core::Status erase(CustomerTx& tx, core::Id id) {
  return tx.erase_record(RecordCodec<Record>::kKind, id);
}

// `companies`: as CustomerTx::list_records.
template <class Record>
core::Result<Page<Record>> list(CustomerTx& tx, const core::ListQuery& query,
                                const RecordScope& scope, Shelf shelf,
                                const RecordScope& companies = RecordScope::owners({})) {
  RAPPORT_ASSIGN_OR_RETURN(Page<RecordRow> rows, tx.list_records(RecordCodec<Record>::kKind, query,
                                                                 scope, shelf, companies));
  Page<Record> page;
  page.items.reserve(rows.items.size());
  for (const RecordRow& row : rows.items) {
    RAPPORT_ASSIGN_OR_RETURN(Record record, RecordCodec<Record>::from_row(row));
    page.items.push_back(std::move(record));
  }
  page.next = std::move(rows.next);
  return page;
}

}  // namespace rapport::store
