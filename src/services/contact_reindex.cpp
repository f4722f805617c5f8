// Indexing the stored contacts again, once, after the upgrade.
#include "services/contact_reindex.hpp"

#include "core/list_query.hpp"

namespace rapport::services {

namespace {

constexpr std::string_view kMark = "upgrade:reindex_contacts";

}  // namespace

core::Result<std::int64_t> reindex_stored_contacts(UnitOfWork& records) {
  std::int64_t count = 0;
  RAPPORT_TRY(records.write([&](store::CustomerTx& customers, store::IdentityTx&) -> core::Status {
    count = 0;
    RAPPORT_ASSIGN_OR_RETURN(auto mark, customers.get_setting(kMark));
    if (!mark) return core::ok_status();
    for (store::Shelf shelf : {store::Shelf::kLive, store::Shelf::kTrash}) {
      core::ListQuery query;
      query.limit = core::kMaxPageSize;
      for (;;) {
        RAPPORT_ASSIGN_OR_RETURN(auto page,
                                 customers.list_contacts(query, store::RecordScope::all(), shelf,
                                                         store::RecordScope::all()));
        for (const core::Contact& contact : page.items) {
          RAPPORT_TRY(customers.reindex_contact(contact.id));
          ++count;
        }
        if (page.next.empty()) break;
        query.after = page.next;
      }
    }
    return customers.erase_setting(kMark);
  }));
  return count;
}

}  // namespace rapport::services
