// Rebuilding every stored record's derived rows, when an upgrade asks for it.
#include "services/record_reindex.hpp"

#include "core/collation.hpp"
#include "core/list_query.hpp"

namespace rapport::services {

namespace {

constexpr std::string_view kMark = "upgrade:reindex_contacts";
constexpr std::string_view kCollationVersion = "collation_version";

// The ids of a page's records, and its cursor.
template <class Record>
core::Result<store::Page<core::Id>> ids_of(core::Result<store::Page<Record>> page) {
  if (!page.ok()) return std::move(page).error();
  store::Page<core::Id> out;
  for (const auto& record : page->items) out.items.push_back(record.id);
  out.next = std::move(page->next);
  return out;
}

// Calls `rebuild` with every record `list` pages through, on both shelves; returns the count.
template <typename List, typename Rebuild>
core::Result<std::int64_t> rebuild_all(List list, Rebuild rebuild) {
  std::int64_t count = 0;
  for (store::Shelf shelf : {store::Shelf::kLive, store::Shelf::kTrash}) {
    core::ListQuery query;
    query.limit = core::kMaxPageSize;
    for (;;) {
      RAPPORT_ASSIGN_OR_RETURN(auto page, list(query, shelf));
      for (core::Id id : page.items) {
        RAPPORT_TRY(rebuild(id));
        ++count;
      }
      if (page.next.empty()) break;
      query.after = page.next;
    }
  }
  return count;
}

}  // namespace

std::int64_t Reindexed::total() const {
  std::int64_t sum = 0;
  for (std::int64_t n : counts) sum += n;
  return sum;
}

core::Result<Reindexed> reindex_stored_records(UnitOfWork& records) {
  Reindexed done;
  const std::string version = core::collation_version();
  RAPPORT_TRY(records.write([&](store::CustomerTx& customers, store::IdentityTx&) -> core::Status {
    done = {};
    RAPPORT_ASSIGN_OR_RETURN(auto mark, customers.get_setting(kMark));
    RAPPORT_ASSIGN_OR_RETURN(auto stored_version, customers.get_setting(kCollationVersion));
    if (!mark && stored_version == version) return core::ok_status();
    auto all = store::RecordScope::all();
    for (core::RecordKind kind : core::kRecordKinds) {
      auto list = [&](const core::ListQuery& query, store::Shelf shelf) {
        return ids_of(customers.list_records(kind, query, all, shelf, all));
      };
      RAPPORT_ASSIGN_OR_RETURN(done.of(kind), rebuild_all(list, [&](core::Id id) {
                                 return customers.reindex(kind, id);
                               }));
    }
    RAPPORT_TRY(customers.erase_setting(kMark));
    return customers.set_setting(kCollationVersion, version);
  }));
  return done;
}

}  // namespace rapport::services
