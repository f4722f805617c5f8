// A record's links in record_links (migrations/0009_record_links.sql; store/record_links.hpp):
// writing a contact's companies, reading them back in link order for one contact or a whole list
// page, and removing a record's links from both ends when it is erased. The table has no foreign
// keys (either end may be of any kind), so a link's target is checked here when it is written.
#pragma once

#include <span>
#include <vector>

#include "core/contact.hpp"
#include "core/ids.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "store/record_row.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace rapport::store::sqlite {

// store::missing_company_link(i) for the first of `links` whose company does not exist (live or
// in the trash).
core::Status check_company_links(SqliteConnection& conn,
                                 const std::vector<core::CompanyLink>& links);

// Replaces contact `contact_id`'s links to companies with `links`, in their order (`fresh`: the
// contact is new, there is nothing to replace).
core::Status write_company_links(SqliteConnection& conn, core::Id contact_id,
                                 const std::vector<core::CompanyLink>& links, bool fresh);

// Sets the `companies` of each of `contacts` from its links, in link order, with one query.
core::Status read_company_links(SqliteConnection& conn, std::span<core::Contact> contacts);

// The links of a record on the generic path (store/record_row.hpp), one role per link field named
// after it: check_links gives missing_link() for the first id naming no record of the field's
// target kind; write_links replaces the record's links (`fresh`: it is new); read_links fills
// the links of each of `rows` (all of one kind) with one query.
core::Status check_links(SqliteConnection& conn, const RecordRow& row);
core::Status write_links(SqliteConnection& conn, const RecordRow& row, bool fresh);
core::Status read_links(SqliteConnection& conn, std::span<RecordRow> rows);

// Removes every link from or to record `id` of `kind`.
core::Status erase_links(SqliteConnection& conn, core::RecordKind kind, core::Id id);

}  // namespace rapport::store::sqlite
