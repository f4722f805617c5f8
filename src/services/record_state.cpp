// Reading a record of any kind for what hangs off it: its owner, team and shelf, from the
// generic store's row (contacts, not yet on the generic path, from their own read).
#include "services/record_state.hpp"

#include <string>

#include "core/kind_descriptor.hpp"

namespace rapport::services {

namespace {

// The state of a record just read, or why there is none: kNotFound says `noun`.
// The state of a record just read, or why there is none: kNotFound says `noun`.
template <class Record>
core::Result<RecordState> state_of(core::Result<Record> record, core::RecordKind kind,
                                   std::string_view noun, Ownership (*owner)(const Record&)) {
  if (!record.ok()) {
    if (record.error().kind == core::ErrorKind::kNotFound) {
      return core::Error::not_found("no such " + std::string(noun));
    }
    return std::move(record).error();
  }
  return RecordState{core::describe(kind).object, owner(*record),
                     record->meta.deleted_at.has_value()};
}

Ownership contact_owner(const core::Contact& contact) { return ownership_of(contact); }

Ownership row_owner(const store::RecordRow& row) {
  return {row.number("owner_id"), row.number("team_id")};
}

}  // namespace

core::Result<RecordState> readable_record(store::CustomerTx& customers, const Caller& caller,
                                          core::RecordKind kind, core::Id id,
                                          std::string_view noun) {
  RecordState state;
  if (kind == core::RecordKind::kContact) {
    RAPPORT_ASSIGN_OR_RETURN(state,
                             state_of(customers.get_contact(id), kind, noun, &contact_owner));
  } else {
    RAPPORT_ASSIGN_OR_RETURN(state,
                             state_of(customers.get_record(kind, id), kind, noun, &row_owner));
  }
  RAPPORT_TRY(authorize_record(caller, state.object, core::Action::kRead, state.owner, noun));
  return state;
}

}  // namespace rapport::services
