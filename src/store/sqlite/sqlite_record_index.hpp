// The rows derived from a record besides its own: tags, custom values (for filters
// and uniqueness), the FTS5 search body and the short-query grams. Written on every create and
// update, removed on erasure. (A contact's links to companies are in sqlite_links.hpp.)
#pragma once

#include <string>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/list_planner.hpp"
#include "store/record_row.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace rapport::store::sqlite {

// kConflict with a field error "custom/<key>" when a unique custom value of `values` is already
// held by another record of the same kind (live or in the trash).
core::Status check_unique_custom(SqliteConnection& conn, const KindTables& tables, core::Id id,
                                 const core::CustomValues& values,
                                 const std::vector<core::CustomFieldDefinition>& definitions);

// Replaces the derived rows of record `id` (`fresh`: the record is new, nothing to replace): its
// tags, custom values, search body with the grams of its names and body, and its places when the
// kind has place filters. The FTS5 row is
// queued on the connection and written at commit (sqlite_search_rows.hpp).
core::Status write_index(SqliteConnection& conn, const KindTables& tables, core::Id id,
                         const RecordIndex& index,
                         const std::vector<core::CustomFieldDefinition>& definitions, bool fresh);

// Removes the search rows of record `id` (tags and custom rows go with the record through
// ON DELETE CASCADE).
core::Status erase_search_rows(SqliteConnection& conn, const KindTables& tables, core::Id id);

}  // namespace rapport::store::sqlite
