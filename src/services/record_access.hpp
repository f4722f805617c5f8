// What the services of owned customer records (contacts, companies) share: record scope, who may
// see or change one record, which owner and team a caller may assign, and the read, trash,
// restore and erase use cases, which differ between kinds of record only in the store calls.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "core/timestamp.hpp"
#include "services/audit_service.hpp"
#include "services/caller.hpp"
#include "services/unit_of_work.hpp"
#include "store/store.hpp"

namespace rapport::services {

// The wire names of the fields a client supplied, used to refuse fields the caller may not set
// (owner_id, team_id without the permission).
using FieldSet = std::set<std::string, std::less<>>;

// Whose a record is, as the scope rules see it.
struct Ownership {
  std::optional<core::Id> owner_id;
  std::optional<core::Id> team_id;
};

template <class Record>
Ownership ownership_of(const Record& record) {
  return {record.owner_id, record.team_id};
}

// The store-side restriction for records `caller` may see with `scope`.
store::RecordScope record_scope(const Caller& caller, core::Scope scope);

// Whether a record owned as `owner` lies within `scope` for `caller`.
bool within(const Caller& caller, core::Scope scope, const Ownership& owner);

// Authorises `action` on one existing record of `object`: kNotFound ("no such <noun>") when the
// caller may not read it, so that its existence does not leak; kForbidden when they may read but
// not act on it. Returns the caller's scope for `action`.
core::Result<core::Scope> authorize_record(const Caller& caller, core::ObjectType object,
                                           core::Action action, const Ownership& owner,
                                           std::string_view noun);

// Refuses owner_id/team_id values the caller may not assign. A supplied value that equals
// `baseline` (the record's current ownership on update, the caller's own on create: see
// baseline_ownership) assigns nothing and is always accepted. Any other value needs the kAssign
// permission on `object`, whose scope says to whom: with team scope the caller's own team and its
// members, with all scope anyone (who must exist). Without it, as for support and marketing, who
// may update records they may not hand over, the answer is kForbidden. `plural` names the records
// in messages ("contacts").
core::Status check_assignment(store::IdentityTx& identity, const Caller& caller,
                              core::ObjectType object, const Ownership& baseline,
                              const Ownership& owner, const FieldSet& supplied,
                              std::string_view plural);

// The ownership a new record gets when the client names none: the caller and their team.
Ownership baseline_ownership(const Caller& caller);

// Sets owner and team of a new record to the caller's unless the client supplied them.
template <class Record>
void default_ownership(const Caller& caller, const FieldSet& supplied, Record& record) {
  if (!supplied.contains("owner_id")) record.owner_id = caller.user_id;
  if (!supplied.contains("team_id")) record.team_id = caller.team_id;
}

core::Timestamp to_timestamp(std::chrono::sys_seconds t);

// The stamp a write by `caller` at `now` leaves on a record.
store::Stamp stamp_for(const Caller& caller, std::chrono::sys_seconds now);

// Appends the audit entry of `caller`'s `action` on record `id` of `object`.
core::Status audit(store::IdentityTx& identity, const Caller& caller, std::string_view action,
                   core::ObjectType object, core::Id id, std::string changes_json,
                   std::chrono::sys_seconds now);

// The store operations of one kind of owned record (store/records.hpp's typed front).
template <class Record>
struct RecordKind {
  core::ObjectType object;
  std::string_view noun;  // "contact"
  core::Result<Record> (*get)(store::CustomerTx&, core::Id);
  core::Result<Record> (*trash)(store::CustomerTx&, core::Id, std::int64_t, const store::Stamp&);
  core::Result<Record> (*restore)(store::CustomerTx&, core::Id, std::int64_t, const store::Stamp&);
  core::Status (*erase)(store::CustomerTx&, core::Id);
};

// A record, live or in the trash; kNotFound when absent or outside the caller's read scope.
template <class Record>
core::Result<Record> get_record(UnitOfWork& records, const Caller& caller,
                                const RecordKind<Record>& kind, core::Id id) {
  std::optional<Record> found;
  RAPPORT_TRY(records.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(Record record, kind.get(customers, id));
    RAPPORT_TRY(authorize_record(caller, kind.object, core::Action::kRead, ownership_of(record),
                                 kind.noun));
    found = std::move(record);
    return core::ok_status();
  }));
  return std::move(*found);
}

// Loads record `id` for `action` inside a write: the checks of authorize_record, then kStale
// when its version is not `expected_version`. Returns the record and the caller's action scope.
template <class Record>
core::Result<std::pair<Record, core::Scope>> load_for_write(store::CustomerTx& customers,
                                                            const Caller& caller,
                                                            const RecordKind<Record>& kind,
                                                            core::Action action, core::Id id,
                                                            std::int64_t expected_version) {
  RAPPORT_ASSIGN_OR_RETURN(Record record, kind.get(customers, id));
  RAPPORT_ASSIGN_OR_RETURN(core::Scope scope, authorize_record(caller, kind.object, action,
                                                               ownership_of(record), kind.noun));
  if (record.meta.version != expected_version) {
    return core::Error::stale("the " + std::string(kind.noun) + " has changed since version " +
                              std::to_string(expected_version) + "; it is now at version " +
                              std::to_string(record.meta.version));
  }
  return std::pair<Record, core::Scope>(std::move(record), scope);
}

// Moves a record to the trash (`to_trash`) or back, under the version rule; needs delete
// permission over it. Audited as "delete" / "restore".
template <class Record>
core::Result<Record> change_shelf(UnitOfWork& records, const Caller& caller,
                                  const RecordKind<Record>& kind, const Clock& clock, core::Id id,
                                  std::int64_t expected_version, bool to_trash) {
  std::optional<Record> moved;
  RAPPORT_TRY(
      records.write([&](store::CustomerTx& customers, store::IdentityTx& identity) -> core::Status {
        RAPPORT_TRY(
            load_for_write(customers, caller, kind, core::Action::kDelete, id, expected_version));
        const auto now = clock();
        const auto operation = to_trash ? kind.trash : kind.restore;
        RAPPORT_ASSIGN_OR_RETURN(
            moved, operation(customers, id, expected_version, stamp_for(caller, now)));
        return audit(identity, caller, to_trash ? "delete" : "restore", kind.object, id, "{}", now);
      }));
  return std::move(*moved);
}

// Admins only: removes the record everywhere (search index included) and redacts the audit
// entries about it to ids only, then purges the deleted rows from the database files.
// kNotFound when there is no such record; kUnavailable when the erase committed but the purge
// could not finish (the next erase, or the engine's own housekeeping, completes it).
template <class Record>
core::Status erase_record(UnitOfWork& records, const Caller& caller, const RecordKind<Record>& kind,
                          const Clock& clock, core::Id id) {
  RAPPORT_TRY(
      records.write([&](store::CustomerTx& customers, store::IdentityTx& identity) -> core::Status {
        RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, kind.object, core::Action::kDelete));
        if (caller.role != core::Role::kAdmin || scope != core::Scope::kAll) {
          return core::Error::forbidden("only an admin may erase a " + std::string(kind.noun) +
                                        " permanently");
        }
        RAPPORT_TRY(kind.erase(customers, id));
        RAPPORT_TRY(identity.redact_audit(core::to_string(kind.object), id));
        return audit(identity, caller, "erase", kind.object, id, "{}", clock());
      }));
  return records.purge_erased();
}

}  // namespace rapport::services
