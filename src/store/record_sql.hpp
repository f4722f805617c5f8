// The statements of the generic record operations, built once for both engines from the kind's
// descriptor: the columns a read selects, the INSERT and the versioned UPDATE of a row with its
// sort keys and stamps, and the trash move. Each engine binds the values its own way and reads
// the selected columns back with its own cursor.
#pragma once

#include <string>
#include <vector>

#include "store/list_planner.hpp"
#include "store/record_row.hpp"
#include "store/store.hpp"

namespace rapport::store {

// Over alias t: the id, the stored columns (stored_fields), then kTrailingColumns of bookkeeping:
// doc, version, created_at, created_by, updated_at, updated_by, deleted_at.
std::string select_columns(core::RecordKind kind);
inline constexpr int kTrailingColumns = 7;
// How many columns select_columns() names: the sort value of a list follows them.
int selected_column_count(core::RecordKind kind);

struct RecordStatement {
  std::string sql;
  std::vector<Cell> params;
};

// Inserts `row` with version 1 and `stamp`, returning the new id.
RecordStatement insert_statement(const SqlDialect& dialect, const RecordRow& row,
                                 const Stamp& stamp);

// Rewrites the live record `row.id` at version `row.meta.version`, raising the version; changes
// no row when the record is absent, at another version or in the trash.
RecordStatement update_statement(const SqlDialect& dialect, const RecordRow& row,
                                 const Stamp& stamp);

// Moves record `id` at `expected_version` to shelf `to`, raising the version; changes no row
// when it is absent, at another version or already there.
RecordStatement move_statement(const SqlDialect& dialect, core::RecordKind kind, core::Id id,
                               std::int64_t expected_version, Shelf to, const Stamp& stamp);

// Rewrites the stored columns of `row` and their sort keys, leaving its version and stamps: a
// reindex, after the collation or the reading of the document changed (rederive_row). Empty
// when the kind stores no column.
RecordStatement derived_columns_statement(const SqlDialect& dialect, const RecordRow& row);

// The reference columns of `row` that name a record (kRecord fields with a value), for the
// existence checks before a write.
struct Reference {
  const core::FieldDescriptor* field;
  core::Id id;
};
std::vector<Reference> references(const RecordRow& row);

}  // namespace rapport::store
