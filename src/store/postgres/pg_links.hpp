// A record's links in record_links (migrations/0008_record_links.sql), the same rows as
// sqlite_links.hpp describes: writing a record's links, reading them back in link order for one
// record or a whole list page, and removing a record's links from both ends when it is erased.
// The table has no foreign keys (either end may be of any kind), so a link's target is checked
// here when it is written.
#pragma once

#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/record_row.hpp"

namespace rapport::store::postgres {

// The links of a record (store/record_row.hpp), as sqlite_links.hpp describes. The records
// linked stay locked against erasure (FOR KEY SHARE) until the transaction ends, so a record
// erased meanwhile cannot leave a link behind: its erasure waits, then removes the link with it.
core::Status check_links(PgConnection& conn, const RecordRow& row);
core::Status write_links(PgConnection& conn, const RecordRow& row, bool fresh);

// A column for a read of `kind`'s table (alias t): the record's links as one JSON array of
// [role, to_id, job_title] in link order, or NULL. A second statement per read cost about a
// third of the throughput of a read by id.
std::string links_column(core::RecordKind kind);
// Fills `row.links` from the text of links_column() (empty when the column was NULL).
core::Status parse_links(RecordRow& row, std::string_view json);

// Removes every link from or to record `id` of `kind`. Called after the record's row is deleted,
// so that a writer still linking to it (check_links) has finished first.
core::Status erase_links(PgConnection& conn, core::RecordKind kind, core::Id id);

}  // namespace rapport::store::postgres
