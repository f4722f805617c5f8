// Reading a record of any kind for what hangs off it: its owner, team and shelf, from the
// generic store's row.
#include "services/record_state.hpp"

#include <string>

#include "core/kind_descriptor.hpp"

namespace rapport::services {

core::Result<RecordState> readable_record(store::CustomerTx& customers, const Caller& caller,
                                          core::RecordKind kind, core::Id id,
                                          std::string_view noun) {
  auto row = customers.get_record(kind, id);
  if (!row.ok()) {
    if (row.error().kind == core::ErrorKind::kNotFound) {
      return core::Error::not_found("no such " + std::string(noun));
    }
    return std::move(row).error();
  }
  const RecordState state{core::describe(kind).object,
                          {row->number("owner_id"), row->number("team_id")},
                          row->meta.deleted_at.has_value()};
  RAPPORT_TRY(authorize_record(caller, state.object, core::Action::kRead, state.owner, noun));
  return state;
}

}  // namespace rapport::services
