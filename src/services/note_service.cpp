// Note use cases: the parent's read check first, inside the transaction; then the note rules,
// the write and its audit entry on the parent.
#include "services/note_service.hpp"

#include <optional>
#include <vector>

#include "core/audit_entry.hpp"
#include "core/kind_descriptor.hpp"
#include "services/record_access.hpp"
#include "services/record_state.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::NoteParent;
using core::ObjectType;

// The parent's state when `caller` may read it (readable_record); kNotFound naming `noun`
// otherwise: the parent's kind, or "note" when the note was asked for by its own id.
core::Result<RecordState> readable_parent(store::CustomerTx& customers, const Caller& caller,
                                          const NoteParent& parent, std::string_view noun) {
  return readable_record(customers, caller, parent.kind, parent.id, noun);
}

std::string_view parent_noun(const NoteParent& parent) { return core::to_string(parent.kind); }

core::Status check_live(const NoteParent& parent, const RecordState& state) {
  if (!state.trashed) return core::ok_status();
  return core::Error::conflict("the " + std::string(parent_noun(parent)) +
                               " is in the trash; restore it before changing its notes");
}

// The note's audit entry on its parent: the note's id and its body before and after.
core::Status audit_note(store::IdentityTx& identity, const Caller& caller, std::string_view action,
                        const core::Note& note, const std::optional<std::string>& before,
                        const std::optional<std::string>& after, std::chrono::sys_seconds now) {
  std::vector<core::FieldChange> changes{{"note_id", std::nullopt, std::to_string(note.id)},
                                         {"body", before, after}};
  return audit(identity, caller, action, core::describe(note.parent.kind).object, note.parent.id,
               core::changes_to_json(changes), now);
}

}  // namespace

core::Result<core::Note> NoteService::create(const Caller& caller, core::Note draft) {
  std::optional<core::Note> created;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kNotes, Action::kRead));
    RAPPORT_TRY(core::validate(draft));
    RAPPORT_ASSIGN_OR_RETURN(RecordState state, readable_parent(customers, caller, draft.parent,
                                                                parent_noun(draft.parent)));
    RAPPORT_TRY(authorize(caller, ObjectType::kNotes, Action::kCreate));
    RAPPORT_TRY(check_live(draft.parent, state));
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(created, customers.create_note(draft, stamp_for(caller, now)));
    return audit_note(identity, caller, "create_note", *created, std::nullopt, created->body, now);
  }));
  return std::move(*created);
}

core::Result<core::Note> NoteService::get(const Caller& caller, core::Id id) {
  RAPPORT_TRY(authorize(caller, ObjectType::kNotes, Action::kRead));
  std::optional<core::Note> found;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Note note, customers.get_note(id));
    RAPPORT_TRY(readable_parent(customers, caller, note.parent, "note"));
    found = std::move(note);
    return core::ok_status();
  }));
  return std::move(*found);
}

core::Result<store::Page<core::Note>> NoteService::list(const Caller& caller,
                                                        const NoteParent& parent, int limit,
                                                        const std::string& after) {
  RAPPORT_TRY(authorize(caller, ObjectType::kNotes, Action::kRead));
  std::optional<store::Page<core::Note>> page;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_TRY(readable_parent(customers, caller, parent, parent_noun(parent)));
    RAPPORT_ASSIGN_OR_RETURN(page, customers.list_notes(parent, limit, after));
    return core::ok_status();
  }));
  return std::move(*page);
}

core::Result<core::Note> NoteService::load_for_write(store::CustomerTx& customers,
                                                     const Caller& caller, Action action,
                                                     core::Id id, std::int64_t expected_version) {
  RAPPORT_TRY(authorize(caller, ObjectType::kNotes, Action::kRead));
  RAPPORT_ASSIGN_OR_RETURN(core::Note note, customers.get_note(id));
  RAPPORT_ASSIGN_OR_RETURN(RecordState parent,
                           readable_parent(customers, caller, note.parent, "note"));
  RAPPORT_ASSIGN_OR_RETURN(core::Scope scope, authorize(caller, ObjectType::kNotes, action));
  const bool author = note.meta.created_by && *note.meta.created_by == caller.user_id;
  // Beyond their own notes, only a scope wider than the caller's own records (managers over
  // their team's, admins over all) lets someone change what another person wrote.
  const bool moderator = scope != core::Scope::kOwn && within(caller, scope, parent.owner);
  if (!author && !moderator) {
    return core::Error::forbidden("only the note's author or a manager may change it");
  }
  RAPPORT_TRY(check_live(note.parent, parent));
  if (note.meta.version != expected_version) {
    return core::Error::stale("the note has changed since version " +
                              std::to_string(expected_version) + "; it is now at version " +
                              std::to_string(note.meta.version));
  }
  return note;
}

core::Result<core::Note> NoteService::update(const Caller& caller, core::Id id,
                                             std::int64_t expected_version, std::string body) {
  std::optional<core::Note> updated;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Note current, load_for_write(customers, caller, Action::kUpdate,
                                                                id, expected_version));
    core::Note next = current;
    next.body = std::move(body);
    RAPPORT_TRY(core::validate(next));
    // The same body again is not a new version: no write, no audit entry, the same ETag.
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(updated, customers.update_note(next, stamp_for(caller, now)));
    return audit_note(identity, caller, "update_note", *updated, current.body, updated->body, now);
  }));
  return std::move(*updated);
}

core::Status NoteService::remove(const Caller& caller, core::Id id, std::int64_t expected_version) {
  return records_.write([&](store::CustomerTx& customers,
                            store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Note current, load_for_write(customers, caller, Action::kDelete,
                                                                id, expected_version));
    RAPPORT_TRY(customers.delete_note(id, expected_version));
    return audit_note(identity, caller, "delete_note", current, current.body, std::nullopt,
                      clock_());
  });
}

}  // namespace rapport::services
