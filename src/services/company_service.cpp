// Company use cases: authorise first, inside the transaction; then validate, write and audit.
#include "services/company_service.hpp"

#include <optional>
#include <set>

#include "core/audit_entry.hpp"
#include "services/record_audit.hpp"
#include "services/settings_service.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::ObjectType;

const RecordKind<core::Company> kCompanies{ObjectType::kCompanies,
                                           "company",
                                           &store::CustomerTx::get_company,
                                           &store::CustomerTx::trash_company,
                                           &store::CustomerTx::restore_company,
                                           &store::CustomerTx::erase_company};

// Checks the parent company exists within the caller's read scope and is not the company itself
// or one of its descendants (which would make a cycle). `read_scope` is the caller's.
core::Status check_parent(store::CustomerTx& customers, const Caller& caller,
                          core::Scope read_scope, const core::Company& company) {
  if (!company.parent_id) return core::ok_status();
  std::set<core::Id> seen;
  std::optional<core::Id> next = company.parent_id;
  bool first = true;
  while (next) {
    if (*next == company.id) {
      return core::Error::field("parent_id", "would make the company its own ancestor");
    }
    // Stops on a cycle further up that this company is not part of.
    if (!seen.insert(*next).second) break;
    auto parent = customers.get_company(*next);
    if (!parent.ok()) {
      if (parent.error().kind != core::ErrorKind::kNotFound) return std::move(parent).error();
      if (first) return core::Error::field("parent_id", "no such company");
      return core::ok_status();
    }
    if (first && !within(caller, read_scope, ownership_of(*parent))) {
      return core::Error::field("parent_id", "no such company");
    }
    first = false;
    next = parent->parent_id;
  }
  return core::ok_status();
}

core::Result<std::vector<core::CustomFieldDefinition>> definitions(store::CustomerTx& customers) {
  return customers.list_custom_fields(core::RecordKind::kCompany);
}

}  // namespace

core::Result<core::Company> CompanyService::create(const Caller& caller, core::Company draft,
                                                   const FieldSet& supplied) {
  std::optional<core::Company> created;
  RAPPORT_TRY(records_.write(
      [&](store::CustomerTx& customers, store::IdentityTx& identity) -> core::Status {
        RAPPORT_TRY(authorize(caller, ObjectType::kCompanies, Action::kCreate));
        RAPPORT_ASSIGN_OR_RETURN(auto read_scope,
                                 authorize(caller, ObjectType::kCompanies, Action::kRead));
        default_ownership(caller, supplied, draft);
        RAPPORT_TRY(check_assignment(identity, caller, ObjectType::kCompanies,
                                     baseline_ownership(caller), ownership_of(draft), supplied,
                                     "companies"));
        RAPPORT_ASSIGN_OR_RETURN(auto fields, definitions(customers));
        RAPPORT_ASSIGN_OR_RETURN(auto region, default_region(customers, default_region_));
        RAPPORT_TRY(core::validate(draft, fields, region));
        RAPPORT_TRY(check_parent(customers, caller, read_scope, draft));
        const auto now = clock_();
        RAPPORT_ASSIGN_OR_RETURN(created, customers.create_company(draft, stamp_for(caller, now)));
        return audit(identity, caller, "create", ObjectType::kCompanies, created->id,
                     core::changes_to_json(company_changes(nullptr, *created)), now);
      }));
  return std::move(*created);
}

core::Result<core::Company> CompanyService::get(const Caller& caller, core::Id id) {
  return get_record(records_, caller, kCompanies, id);
}

core::Result<store::Page<core::Company>> CompanyService::list(const Caller& caller,
                                                              const core::ListQuery& query,
                                                              store::Shelf shelf) {
  RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kCompanies, Action::kRead));
  if (shelf == store::Shelf::kTrash) {
    RAPPORT_TRY(authorize(caller, ObjectType::kCompanies, Action::kDelete));
  }
  std::optional<store::Page<core::Company>> page;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(page,
                             customers.list_companies(query, record_scope(caller, scope), shelf));
    return core::ok_status();
  }));
  return std::move(*page);
}

core::Result<core::Company> CompanyService::update(const Caller& caller, core::Id id,
                                                   std::int64_t expected_version,
                                                   const FieldSet& supplied,
                                                   const CompanyEdit& edit) {
  std::optional<core::Company> updated;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto loaded, load_for_write(customers, caller, kCompanies,
                                                         Action::kUpdate, id, expected_version));
    RAPPORT_ASSIGN_OR_RETURN(auto read_scope,
                             authorize(caller, ObjectType::kCompanies, Action::kRead));
    const core::Company& current = loaded.first;
    core::Company next = current;
    RAPPORT_TRY(edit(next));
    next.id = id;
    next.meta = current.meta;
    // An edit that changes nothing is not a new version: no write, no audit entry, the same
    // ETag (checked again after validation has normalised the input).
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    RAPPORT_TRY(check_assignment(identity, caller, ObjectType::kCompanies, ownership_of(current),
                                 ownership_of(next), supplied, "companies"));
    RAPPORT_ASSIGN_OR_RETURN(auto fields, definitions(customers));
    RAPPORT_ASSIGN_OR_RETURN(auto region, default_region(customers, default_region_));
    RAPPORT_TRY(core::validate(next, fields, region));
    if (next.parent_id != current.parent_id) {
      RAPPORT_TRY(check_parent(customers, caller, read_scope, next));
    }
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(updated, customers.update_company(next, stamp_for(caller, now)));
    return audit(identity, caller, "update", ObjectType::kCompanies, id,
                 core::changes_to_json(company_changes(&current, *updated)), now);
  }));
  return std::move(*updated);
}

core::Result<core::Company> CompanyService::trash(const Caller& caller, core::Id id,
                                                  std::int64_t expected_version) {
  return change_shelf(records_, caller, kCompanies, clock_, id, expected_version, true);
}

core::Result<core::Company> CompanyService::restore(const Caller& caller, core::Id id,
                                                    std::int64_t expected_version) {
  return change_shelf(records_, caller, kCompanies, clock_, id, expected_version, false);
}

core::Status CompanyService::erase(const Caller& caller, core::Id id) {
  return erase_record(records_, caller, kCompanies, clock_, id);
}

}  // namespace rapport::services
