// Companies as use cases, with the guarantees of ContactService: every call authorises the
// caller (role, action, record scope) inside the transaction, validates with the core rules,
// writes, and appends an audit entry with field-level before/after values.
#pragma once

#include <functional>
#include <string>

#include "core/company.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/record_access.hpp"
#include "services/unit_of_work.hpp"
#include "store/store.hpp"

namespace rapport::services {

// Applies a client's changes onto the current company; returns kInvalid with field errors for
// unusable input.
using CompanyEdit = std::function<core::Status(core::Company&)>;

class CompanyService {
 public:
  CompanyService(UnitOfWork& records, Clock clock, std::string default_region = "TH")
      : records_(records), clock_(std::move(clock)), default_region_(std::move(default_region)) {}

  // Creates a company owned by the caller (in their team) unless owner_id/team_id are supplied.
  // Forbidden without create permission, or for owner_id/team_id outside the caller's scope;
  // kInvalid with every field error for a company that breaks the rules, or whose parent_id
  // names no company the caller can see.
  core::Result<core::Company> create(const Caller& caller, core::Company draft,
                                     const FieldSet& supplied);

  // A company, live or in the trash; kNotFound when absent or outside the caller's read scope.
  core::Result<core::Company> get(const Caller& caller, core::Id id);

  // A page of companies within the caller's read scope (filters, sort, search, cursor). The
  // trash is listed only to callers who may delete companies.
  core::Result<store::Page<core::Company>> list(const Caller& caller, const core::ListQuery& query,
                                                store::Shelf shelf);

  // Applies `edit` to the live company when its version is `expected_version` (kStale
  // otherwise), with the same checks as create for the `supplied` fields; a parent that would
  // make the company its own ancestor is refused.
  core::Result<core::Company> update(const Caller& caller, core::Id id,
                                     std::int64_t expected_version, const FieldSet& supplied,
                                     const CompanyEdit& edit);

  // Moves a company to the trash / back, under the version rule; needs delete permission.
  core::Result<core::Company> trash(const Caller& caller, core::Id id,
                                    std::int64_t expected_version);
  core::Result<core::Company> restore(const Caller& caller, core::Id id,
                                      std::int64_t expected_version);

  // Admins only: removes the company everywhere (search index, contacts' links to it) and
  // redacts the audit entries about it to ids only.
  core::Status erase(const Caller& caller, core::Id id);

 private:
  UnitOfWork& records_;
  Clock clock_;
  std::string default_region_;
};

}  // namespace rapport::services
