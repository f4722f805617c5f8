// The use cases of every owned kind of record (contacts, companies, activities), written once:
// each call authorises the caller (role, action, record scope) inside the transaction, validates
// with the kind's core rules, checks what the records it names allow, writes through the generic
// store and appends an audit entry with field-level before/after values. A kind adds only its
// RecordPolicy: its validation, its link checks and its audit diff.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit_entry.hpp"
#include "core/kind_descriptor.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/record_access.hpp"
#include "services/settings_service.hpp"
#include "services/unit_of_work.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace rapport::services {

// What one kind adds to the shared use cases; specialised per kind:
//   // The kind's core rules; `tx` reads what they depend on (a contact's companies).
//   static core::Status validate(store::CustomerTx& tx, Record&,
//                                const std::vector<core::CustomFieldDefinition>&,
//                                const std::string& default_region);
//   // The records `next` names exist within the caller's read scope (a field error otherwise,
//   // worded as for a record that does not exist). `current` is null on create; on update only
//   // what changed needs checking.
//   static core::Status check_links(store::CustomerTx&, const Caller&, core::Scope read_scope,
//                                   const Record& next, const Record* current);
//   static std::vector<core::FieldChange> changes(const Record* before, const Record& after);
// and, where the kind derives a field from others, optionally:
//   // Adjusts `next` after a client's edit of `current` (`supplied`: the fields it sent).
//   static void edited(const Record& current, Record& next, const FieldSet& supplied);
template <class Record>
struct RecordPolicy;

// Applies a client's changes onto the current record; kInvalid with field errors for unusable
// input.
template <class Record>
using RecordEdit = std::function<core::Status(Record&)>;

template <class Record>
class RecordService {
 public:
  RecordService(UnitOfWork& records, Clock clock, std::string default_region = "TH")
      : records_(records), clock_(std::move(clock)), default_region_(std::move(default_region)) {}

  // Creates a record owned by the caller (in their team) unless owner_id/team_id are supplied.
  // Forbidden without create permission, or for owner_id/team_id outside the caller's scope;
  // kInvalid with every field error for a record that breaks the rules or names records the
  // caller cannot see.
  core::Result<Record> create(const Caller& caller, Record draft, const FieldSet& supplied) {
    std::optional<Record> created;
    RAPPORT_TRY(records_.write([&](store::CustomerTx& tx, store::IdentityTx& identity) {
      return create_in(tx, identity, caller, draft, supplied, created);
    }));
    return std::move(*created);
  }

  // A record, live or in the trash; kNotFound when absent or outside the caller's read scope.
  core::Result<Record> get(const Caller& caller, core::Id id) {
    return get_record(records_, caller, kind(), id);
  }

  // A page of records within the caller's read scope (filters, sort, search, cursor). The trash
  // is listed only to callers who may delete such records.
  core::Result<store::Page<Record>> list(const Caller& caller, const core::ListQuery& query,
                                         store::Shelf shelf) {
    const core::ObjectType object = describe().object;
    RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, object, core::Action::kRead));
    if (shelf == store::Shelf::kTrash) {
      RAPPORT_TRY(authorize(caller, object, core::Action::kDelete));
    }
    // A search finds a record by a linked company's name only when the caller may read that
    // company.
    auto company_scope = authorize(caller, core::ObjectType::kCompanies, core::Action::kRead);
    const store::RecordScope companies =
        company_scope.ok() ? record_scope(caller, *company_scope) : store::RecordScope::owners({});
    std::optional<store::Page<Record>> page;
    RAPPORT_TRY(records_.read([&](store::CustomerTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(
          page, store::list<Record>(tx, query, record_scope(caller, scope), shelf, companies));
      return core::ok_status();
    }));
    return std::move(*page);
  }

  // Applies `edit` to the live record when its version is `expected_version` (kStale
  // otherwise), with the same checks as create for what changed.
  core::Result<Record> update(const Caller& caller, core::Id id, std::int64_t expected_version,
                              const FieldSet& supplied, const RecordEdit<Record>& edit) {
    std::optional<Record> updated;
    RAPPORT_TRY(records_.write([&](store::CustomerTx& tx, store::IdentityTx& identity) {
      return update_in(tx, identity, caller, id, expected_version, supplied, edit, updated);
    }));
    return std::move(*updated);
  }

  // Moves a record to the trash / back, under the version rule; needs delete permission.
  core::Result<Record> trash(const Caller& caller, core::Id id, std::int64_t expected_version) {
    return change_shelf(records_, caller, kind(), clock_, id, expected_version, true);
  }
  core::Result<Record> restore(const Caller& caller, core::Id id, std::int64_t expected_version) {
    return change_shelf(records_, caller, kind(), clock_, id, expected_version, false);
  }

  // Admins only: removes the record everywhere (index rows, links from and to it, notes) and
  // redacts the audit entries about it to ids only.
  core::Status erase(const Caller& caller, core::Id id) {
    return erase_record(records_, caller, kind(), clock_, id);
  }

 private:
  using Policy = RecordPolicy<Record>;
  using Codec = store::RecordCodec<Record>;

  static const core::KindDescriptor& describe() { return core::describe(Codec::kKind); }

  static RecordKind<Record> kind() {
    return {describe().object,     core::to_string(Codec::kKind), &store::get<Record>,
            &store::trash<Record>, &store::restore<Record>,       &store::erase<Record>};
  }

  core::Status create_in(store::CustomerTx& tx, store::IdentityTx& identity, const Caller& caller,
                         Record& draft, const FieldSet& supplied, std::optional<Record>& created) {
    const core::ObjectType object = describe().object;
    RAPPORT_TRY(authorize(caller, object, core::Action::kCreate));
    RAPPORT_ASSIGN_OR_RETURN(auto read_scope, authorize(caller, object, core::Action::kRead));
    default_ownership(caller, supplied, draft);
    RAPPORT_TRY(check_assignment(identity, caller, object, baseline_ownership(caller),
                                 ownership_of(draft), supplied, describe().collection));
    RAPPORT_ASSIGN_OR_RETURN(auto fields, tx.list_custom_fields(Codec::kKind));
    RAPPORT_ASSIGN_OR_RETURN(auto region, default_region(tx, default_region_));
    RAPPORT_TRY(Policy::validate(tx, draft, fields, region));
    RAPPORT_TRY(Policy::check_links(tx, caller, read_scope, draft, nullptr));
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(created, store::create(tx, draft, stamp_for(caller, now)));
    return audit(identity, caller, "create", object, created->id,
                 core::changes_to_json(Policy::changes(nullptr, *created)), now);
  }

  core::Status update_in(store::CustomerTx& tx, store::IdentityTx& identity, const Caller& caller,
                         core::Id id, std::int64_t expected_version, const FieldSet& supplied,
                         const RecordEdit<Record>& edit, std::optional<Record>& updated) {
    const core::ObjectType object = describe().object;
    RAPPORT_ASSIGN_OR_RETURN(auto loaded, load_for_write(tx, caller, kind(), core::Action::kUpdate,
                                                         id, expected_version));
    RAPPORT_ASSIGN_OR_RETURN(auto read_scope, authorize(caller, object, core::Action::kRead));
    const Record& current = loaded.first;
    Record next = current;
    RAPPORT_TRY(edit(next));
    if constexpr (requires { Policy::edited(current, next, supplied); }) {
      Policy::edited(current, next, supplied);
    }
    next.id = id;
    next.meta = current.meta;
    // An edit that changes nothing is not a new version: no write, no audit entry, the same
    // ETag (checked again after validation has normalised the input).
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    RAPPORT_TRY(check_assignment(identity, caller, object, ownership_of(current),
                                 ownership_of(next), supplied, describe().collection));
    RAPPORT_ASSIGN_OR_RETURN(auto fields, tx.list_custom_fields(Codec::kKind));
    RAPPORT_ASSIGN_OR_RETURN(auto region, default_region(tx, default_region_));
    RAPPORT_TRY(Policy::validate(tx, next, fields, region));
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    RAPPORT_TRY(Policy::check_links(tx, caller, read_scope, next, &current));
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(updated, store::update(tx, next, stamp_for(caller, now)));
    return audit(identity, caller, "update", object, id,
                 core::changes_to_json(Policy::changes(&current, *updated)), now);
  }

  UnitOfWork& records_;
  Clock clock_;
  std::string default_region_;
};

}  // namespace rapport::services
