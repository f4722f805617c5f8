// Notes as use cases. A note is reached through its parent: reading or writing one needs read
// access to the contact or company it is on (role and record scope, as ContactService checks
// them), so a record the caller cannot see has no notes for them (kNotFound). Its author may
// edit or delete a note; so may a caller whose notes scope (managers: team, admins: all) covers
// the parent record. Every write is audited on the parent record ("contacts"/"companies", the
// parent's id, actions create_note/update_note/delete_note), so that erasing the record redacts
// its notes' history along with its own.
#pragma once

#include <cstdint>
#include <string>

#include "core/note.hpp"
#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/unit_of_work.hpp"
#include "store/store.hpp"

namespace rapport::services {

class NoteService {
 public:
  NoteService(UnitOfWork& records, Clock clock) : records_(records), clock_(std::move(clock)) {}

  // Adds a note to the parent `draft` names. kNotFound when the parent is absent or outside the
  // caller's read scope; kForbidden without permission to write notes; kConflict when the parent
  // is in the trash; kInvalid with field errors for a note that breaks the rules.
  core::Result<core::Note> create(const Caller& caller, core::Note draft);

  // A note; kNotFound when absent or on a record outside the caller's read scope.
  core::Result<core::Note> get(const Caller& caller, core::Id id);

  // A page of the notes on `parent`, newest first (see CustomerTx::list_notes); kNotFound as for
  // get.
  core::Result<store::Page<core::Note>> list(const Caller& caller, const core::NoteParent& parent,
                                             int limit, const std::string& after);

  // Replaces the body of note `id` when its version is `expected_version` (kStale otherwise).
  // kForbidden unless the caller wrote it or may change notes on its parent; kConflict when the
  // parent is in the trash.
  core::Result<core::Note> update(const Caller& caller, core::Id id, std::int64_t expected_version,
                                  std::string body);

  // Deletes note `id` outright, under the same rules as update.
  core::Status remove(const Caller& caller, core::Id id, std::int64_t expected_version);

 private:
  // Loads note `id` for `action` inside a write: the parent's read check, then the author or
  // parent-scope rule, the trash and the version.
  core::Result<core::Note> load_for_write(store::CustomerTx& customers, const Caller& caller,
                                          core::Action action, core::Id id,
                                          std::int64_t expected_version);

  UnitOfWork& records_;
  Clock clock_;
};

}  // namespace rapport::services
