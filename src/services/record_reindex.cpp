// Rebuilding every stored contact's and company's derived rows, when an upgrade asks for it.
#include "services/record_reindex.hpp"

#include "core/collation.hpp"
#include "core/list_query.hpp"
#include "store/records.hpp"

namespace rapport::services {

namespace {

constexpr std::string_view kMark = "upgrade:reindex_contacts";
constexpr std::string_view kCollationVersion = "collation_version";

// Calls `rebuild` with every record `list` pages through, on both shelves; returns the count.
template <typename List, typename Rebuild>
core::Result<std::int64_t> rebuild_all(List list, Rebuild rebuild) {
  std::int64_t count = 0;
  for (store::Shelf shelf : {store::Shelf::kLive, store::Shelf::kTrash}) {
    core::ListQuery query;
    query.limit = core::kMaxPageSize;
    for (;;) {
      RAPPORT_ASSIGN_OR_RETURN(auto page, list(query, shelf));
      for (const auto& record : page.items) {
        RAPPORT_TRY(rebuild(record.id));
        ++count;
      }
      if (page.next.empty()) break;
      query.after = page.next;
    }
  }
  return count;
}

}  // namespace

core::Result<Reindexed> reindex_stored_records(UnitOfWork& records) {
  Reindexed done;
  const std::string version = core::collation_version();
  RAPPORT_TRY(records.write([&](store::CustomerTx& customers, store::IdentityTx&) -> core::Status {
    done = {};
    RAPPORT_ASSIGN_OR_RETURN(auto mark, customers.get_setting(kMark));
    RAPPORT_ASSIGN_OR_RETURN(auto stored_version, customers.get_setting(kCollationVersion));
    if (!mark && stored_version == version) return core::ok_status();
    auto all = store::RecordScope::all();
    RAPPORT_ASSIGN_OR_RETURN(
        done.contacts,
        rebuild_all(
            [&](const core::ListQuery& query, store::Shelf shelf) {
              return customers.list_contacts(query, all, shelf, all);
            },
            [&](core::Id id) { return customers.reindex(core::RecordKind::kContact, id); }));
    RAPPORT_ASSIGN_OR_RETURN(
        done.companies,
        rebuild_all(
            [&](const core::ListQuery& query, store::Shelf shelf) {
              return store::list<core::Company>(customers, query, all, shelf);
            },
            [&](core::Id id) { return customers.reindex(core::RecordKind::kCompany, id); }));
    RAPPORT_TRY(customers.erase_setting(kMark));
    return customers.set_setting(kCollationVersion, version);
  }));
  return done;
}

}  // namespace rapport::services
