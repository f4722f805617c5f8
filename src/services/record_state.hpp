// What hangs off a record (its notes, its timeline) needs of the record itself: that the caller
// may read it, whose it is and whether it is in the trash, for a record of any kind.
#pragma once

#include <string_view>

#include "core/ids.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "services/caller.hpp"
#include "services/record_access.hpp"
#include "store/store.hpp"

namespace rapport::services {

struct RecordState {
  core::ObjectType object = core::ObjectType::kContacts;  // its kind in the role table
  Ownership owner;
  bool trashed = false;
};

// The state of record `id` of `kind`, live or in the trash, when `caller` may read it (the check
// of GET on the record: role and scope); kNotFound ("no such <noun>") when it is absent or
// outside the caller's scope, so that neither it nor what hangs off it reveals itself.
core::Result<RecordState> readable_record(store::CustomerTx& customers, const Caller& caller,
                                          core::RecordKind kind, core::Id id,
                                          std::string_view noun);

}  // namespace rapport::services
