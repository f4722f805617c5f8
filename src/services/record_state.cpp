// Reading a record of any kind for what hangs off it: one case per kind, so that a new kind is a
// compile error here until it is read like the others.
#include "services/record_state.hpp"

#include <string>

#include "core/kind_descriptor.hpp"

namespace rapport::services {

namespace {

// The state of a record just read, or why there is none: kNotFound says `noun`.
template <class Record>
core::Result<RecordState> state_of(core::Result<Record> record, core::RecordKind kind,
                                   std::string_view noun) {
  if (!record.ok()) {
    if (record.error().kind == core::ErrorKind::kNotFound) {
      return core::Error::not_found("no such " + std::string(noun));
    }
    return std::move(record).error();
  }
  return RecordState{core::describe(kind).object, ownership_of(*record),
                     record->meta.deleted_at.has_value()};
}

}  // namespace

core::Result<RecordState> readable_record(store::CustomerTx& customers, const Caller& caller,
                                          core::RecordKind kind, core::Id id,
                                          std::string_view noun) {
  RecordState state;
  switch (kind) {
    case core::RecordKind::kContact: {
      RAPPORT_ASSIGN_OR_RETURN(state, state_of(customers.get_contact(id), kind, noun));
      break;
    }
    case core::RecordKind::kCompany: {
      RAPPORT_ASSIGN_OR_RETURN(state, state_of(customers.get_company(id), kind, noun));
      break;
    }
  }
  RAPPORT_TRY(authorize_record(caller, state.object, core::Action::kRead, state.owner, noun));
  return state;
}

}  // namespace rapport::services
