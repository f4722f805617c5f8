// Contacts as use cases: every call authorises the caller (role, action, record scope) inside the
// same transaction as the data access, validates with the core rules, writes, and appends an
// audit entry with field-level before/after values.
#pragma once

#include <functional>
#include <string>

#include "core/contact.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/record_access.hpp"
#include "services/unit_of_work.hpp"
#include "store/store.hpp"

namespace rapport::services {

// Applies a client's changes onto the current contact; returns kInvalid with field errors for
// unusable input.
using ContactEdit = std::function<core::Status(core::Contact&)>;

class ContactService {
 public:
  // `default_region`: where phone numbers are read when nothing closer names a country and no
  // admin has stored a default region (services/settings_service.hpp).
  ContactService(UnitOfWork& records, Clock clock, std::string default_region = "TH")
      : records_(records), clock_(std::move(clock)), default_region_(std::move(default_region)) {}

  // Creates a contact owned by the caller (in their team) unless owner_id/team_id are supplied.
  // Forbidden without create permission, or for owner_id/team_id outside the caller's scope;
  // kInvalid with every field error for a contact that breaks the rules.
  core::Result<core::Contact> create(const Caller& caller, core::Contact draft,
                                     const FieldSet& supplied);

  // A contact, live or in the trash; kNotFound when absent or outside the caller's read scope.
  core::Result<core::Contact> get(const Caller& caller, core::Id id);

  // A page of contacts within the caller's read scope (filters, sort, search, cursor).
  core::Result<store::Page<core::Contact>> list(const Caller& caller, const core::ListQuery& query,
                                                store::Shelf shelf);

  // Applies `edit` to the live contact when its version is `expected_version` (kStale
  // otherwise), with the same checks as create for the `supplied` fields.
  core::Result<core::Contact> update(const Caller& caller, core::Id id,
                                     std::int64_t expected_version, const FieldSet& supplied,
                                     const ContactEdit& edit);

  // Moves a contact to the trash / back, under the version rule; needs delete permission.
  core::Result<core::Contact> trash(const Caller& caller, core::Id id,
                                    std::int64_t expected_version);
  core::Result<core::Contact> restore(const Caller& caller, core::Id id,
                                      std::int64_t expected_version);

  // Admins only: removes the person's data everywhere (search index included) and redacts the
  // audit entries about them to ids only.
  core::Status erase(const Caller& caller, core::Id id);

 private:
  UnitOfWork& records_;
  Clock clock_;
  std::string default_region_;
};

}  // namespace rapport::services
