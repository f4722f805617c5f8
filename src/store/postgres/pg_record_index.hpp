// What every kind of record shares in PostgreSQL: the custom field definitions, unique custom
// values, and the index rows kept beside each record (tags, custom values, search text,
// short-query grams, places). A record's links are in pg_links.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/list_planner.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/record_row.hpp"

namespace rapport::store::postgres {

// The custom field definitions of `entity`, ordered by id.
core::Result<std::vector<core::CustomFieldDefinition>> load_definitions(PgConnection& conn,
                                                                        core::RecordKind entity);

// The text a custom value is stored and compared as in the custom index table.
std::string custom_index_text(core::CustomFieldType type, const core::CustomValue& value);

// kConflict with a field error on "custom/<key>" when another record already holds the value of
// a field defined unique.
core::Status check_unique_custom(PgConnection& conn, const KindTables& tables, core::Id id,
                                 const core::CustomValues& values,
                                 const std::vector<core::CustomFieldDefinition>& definitions);

// Replaces the index rows of record `id`: tags, custom values, the search body and the grams of
// its names and body, and its places when the kind has place filters.
core::Status write_index(PgConnection& conn, const KindTables& tables, core::Id id,
                         const RecordIndex& index,
                         const std::vector<core::CustomFieldDefinition>& definitions);

// Removes record `id` with every index row; kNotFound when there is no such record.
core::Status erase_record_rows(PgConnection& conn, const KindTables& tables, core::Id id);

}  // namespace rapport::store::postgres
