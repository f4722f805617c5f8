// A record's links in record_links (migrations/0009_record_links.sql): one row per link (from
// kind and id, role = the link field's name, to kind and id, the link's position among the
// field's links, its title), indexed from both ends. Writing a record's links, reading them back
// in link order for one record or a whole list page, and removing a record's links from both
// ends when it is erased. The table has no foreign keys (either end may be of any kind), so a
// link's target is checked here when it is written.
#pragma once

#include <span>
#include <vector>

#include "core/ids.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "store/record_row.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace rapport::store::sqlite {

// The links of a record (store/record_row.hpp), one role per link field, named after it:
// check_links gives missing_link() for the first id naming no record of the field's target kind;
// write_links replaces the record's links (`fresh`: it is new); read_links fills the links of each
// of `rows` (all of one kind) with one query.
core::Status check_links(SqliteConnection& conn, const RecordRow& row);
core::Status write_links(SqliteConnection& conn, const RecordRow& row, bool fresh);
core::Status read_links(SqliteConnection& conn, std::span<RecordRow> rows);

// Removes every link from or to record `id` of `kind`.
core::Status erase_links(SqliteConnection& conn, core::RecordKind kind, core::Id id);

}  // namespace rapport::store::sqlite
