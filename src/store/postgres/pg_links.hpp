// A record's links in record_links (migrations/0008_record_links.sql; store/record_links.hpp):
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
#include "store/postgres/pg_connection.hpp"
#include "store/record_row.hpp"

namespace rapport::store::postgres {

// store::missing_company_link(i) for the first of `links` whose company does not exist (live or
// in the trash). The companies found stay locked against erasure (FOR KEY SHARE) until the
// transaction ends, so a company erased meanwhile cannot leave a link behind: its erasure waits,
// then removes the link with the company.
core::Status check_company_links(PgConnection& conn, const std::vector<core::CompanyLink>& links);

// Replaces contact `contact_id`'s links to companies with `links`, in their order (`fresh`: the
// contact is new, there is nothing to replace).
core::Status write_company_links(PgConnection& conn, core::Id contact_id,
                                 const std::vector<core::CompanyLink>& links, bool fresh);

// Sets the `companies` of each of `contacts` from its links, in link order, with one query.
core::Status read_company_links(PgConnection& conn, std::span<core::Contact> contacts);

// The links of a record on the generic path (store/record_row.hpp), as sqlite_links.hpp
// describes; the records linked stay locked against erasure (FOR KEY SHARE) until commit.
core::Status check_links(PgConnection& conn, const RecordRow& row);
core::Status write_links(PgConnection& conn, const RecordRow& row, bool fresh);
core::Status read_links(PgConnection& conn, std::span<RecordRow> rows);

// Removes every link from or to record `id` of `kind`. Called after the record's row is deleted,
// so that a writer still linking to it (check_company_links) has finished first.
core::Status erase_links(PgConnection& conn, core::RecordKind kind, core::Id id);

}  // namespace rapport::store::postgres
