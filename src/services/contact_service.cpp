// Contact use cases: authorise first, inside the transaction; then validate, write and audit.
#include "services/contact_service.hpp"

#include <algorithm>
#include <optional>

#include "core/audit_entry.hpp"
#include "services/record_audit.hpp"
#include "services/settings_service.hpp"
#include "store/records.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::ObjectType;

const RecordKind<core::Contact> kContacts{
    ObjectType::kContacts,
    "contact",
    [](store::CustomerTx& tx, core::Id id) { return tx.get_contact(id); },
    [](store::CustomerTx& tx, core::Id id, std::int64_t version, const store::Stamp& stamp) {
      return tx.trash_contact(id, version, stamp);
    },
    [](store::CustomerTx& tx, core::Id id, std::int64_t version, const store::Stamp& stamp) {
      return tx.restore_contact(id, version, stamp);
    },
    [](store::CustomerTx& tx, core::Id id) { return tx.erase_contact(id); }};

// The first country among a company's addresses; empty when none names one.
std::string company_country(const core::Company& company) {
  for (const core::PostalAddress& a : company.addresses) {
    if (!a.country.empty()) return a.country;
  }
  return {};
}

// The rules validate() applies to `contact`, read in the same transaction: the custom field
// definitions, the organisation's default region (`fallback` while none is stored) and the
// countries of the companies it links to (a link to no company is left to check_company_links).
core::Result<core::ContactRules> rules_for(store::CustomerTx& customers,
                                           const std::string& fallback,
                                           const core::Contact& contact) {
  core::ContactRules rules;
  RAPPORT_ASSIGN_OR_RETURN(rules.default_region, default_region(customers, fallback));
  RAPPORT_ASSIGN_OR_RETURN(rules.custom_fields,
                           customers.list_custom_fields(core::RecordKind::kContact));
  for (const core::CompanyLink& link : contact.companies) {
    auto company = store::get<core::Company>(customers, link.company_id);
    if (!company.ok() && company.error().kind != core::ErrorKind::kNotFound) {
      return std::move(company).error();
    }
    rules.company_countries.push_back(company.ok() ? company_country(*company) : std::string());
  }
  return rules;
}

// Refuses links to companies the caller cannot see, which would otherwise reveal that they
// exist and put their names into the contact's search text. Links the contact already had
// (`before`) stay whoever set them.
core::Status check_company_links(store::CustomerTx& customers, const Caller& caller,
                                 const core::Contact* before, const core::Contact& contact) {
  for (std::size_t i = 0; i < contact.companies.size(); ++i) {
    const core::Id company_id = contact.companies[i].company_id;
    if (before != nullptr && std::any_of(before->companies.begin(), before->companies.end(),
                                         [company_id](const core::CompanyLink& l) {
                                           return l.company_id == company_id;
                                         })) {
      continue;
    }
    const std::string field = "companies/" + std::to_string(i) + "/company_id";
    auto company = store::get<core::Company>(customers, company_id);
    if (!company.ok()) {
      if (company.error().kind != core::ErrorKind::kNotFound) return std::move(company).error();
      return core::Error::field(field, "no such company");
    }
    auto seen = authorize_record(caller, ObjectType::kCompanies, Action::kRead,
                                 ownership_of(*company), "company");
    if (!seen.ok()) return core::Error::field(field, "no such company");
  }
  return core::ok_status();
}

}  // namespace

core::Result<core::Contact> ContactService::create(const Caller& caller, core::Contact draft,
                                                   const FieldSet& supplied) {
  std::optional<core::Contact> created;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kContacts, Action::kCreate));
    default_ownership(caller, supplied, draft);
    RAPPORT_TRY(check_assignment(identity, caller, ObjectType::kContacts,
                                 baseline_ownership(caller), ownership_of(draft), supplied,
                                 "contacts"));
    RAPPORT_ASSIGN_OR_RETURN(auto rules, rules_for(customers, default_region_, draft));
    RAPPORT_TRY(core::validate(draft, rules));
    RAPPORT_TRY(check_company_links(customers, caller, nullptr, draft));
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(created, customers.create_contact(draft, stamp_for(caller, now)));
    return audit(identity, caller, "create", ObjectType::kContacts, created->id,
                 core::changes_to_json(contact_changes(nullptr, *created)), now);
  }));
  return std::move(*created);
}

core::Result<core::Contact> ContactService::get(const Caller& caller, core::Id id) {
  return get_record(records_, caller, kContacts, id);
}

core::Result<store::Page<core::Contact>> ContactService::list(const Caller& caller,
                                                              const core::ListQuery& query,
                                                              store::Shelf shelf) {
  RAPPORT_ASSIGN_OR_RETURN(auto scope, authorize(caller, ObjectType::kContacts, Action::kRead));
  if (shelf == store::Shelf::kTrash) {
    RAPPORT_TRY(authorize(caller, ObjectType::kContacts, Action::kDelete));
  }
  // A search finds a contact by a company's name only when the caller may read that company.
  auto company_scope = authorize(caller, ObjectType::kCompanies, Action::kRead);
  store::RecordScope companies =
      company_scope.ok() ? record_scope(caller, *company_scope) : store::RecordScope::owners({});
  std::optional<store::Page<core::Contact>> page;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(
        page, customers.list_contacts(query, record_scope(caller, scope), shelf, companies));
    return core::ok_status();
  }));
  return std::move(*page);
}

core::Result<core::Contact> ContactService::update(const Caller& caller, core::Id id,
                                                   std::int64_t expected_version,
                                                   const FieldSet& supplied,
                                                   const ContactEdit& edit) {
  std::optional<core::Contact> updated;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto loaded, load_for_write(customers, caller, kContacts,
                                                         Action::kUpdate, id, expected_version));
    const core::Contact& current = loaded.first;
    core::Contact next = current;
    RAPPORT_TRY(edit(next));
    // A display name derived from the names follows them when they change, unless the client
    // sets one; one the client chose stays as it is.
    const bool renamed =
        next.given_name != current.given_name || next.family_name != current.family_name;
    if (renamed && !supplied.contains("display_name") &&
        current.display_name ==
            core::derived_display_name(current.given_name, current.family_name)) {
      next.display_name.clear();
    }
    // An edit that changes nothing (an empty PATCH, or every field sent as it already is) is
    // not a new version: no write, no audit entry, the same ETag. Checked before validation too,
    // so that `{}` succeeds even on a record that rules added since would refuse.
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    RAPPORT_TRY(check_assignment(identity, caller, ObjectType::kContacts, ownership_of(current),
                                 ownership_of(next), supplied, "contacts"));
    RAPPORT_ASSIGN_OR_RETURN(auto rules, rules_for(customers, default_region_, next));
    RAPPORT_TRY(core::validate(next, rules));
    RAPPORT_TRY(check_company_links(customers, caller, &current, next));
    next.id = id;
    next.meta = current.meta;
    if (next == current) {
      updated = current;
      return core::ok_status();
    }
    const auto now = clock_();
    RAPPORT_ASSIGN_OR_RETURN(updated, customers.update_contact(next, stamp_for(caller, now)));
    return audit(identity, caller, "update", ObjectType::kContacts, id,
                 core::changes_to_json(contact_changes(&current, *updated)), now);
  }));
  return std::move(*updated);
}

core::Result<core::Contact> ContactService::trash(const Caller& caller, core::Id id,
                                                  std::int64_t expected_version) {
  return change_shelf(records_, caller, kContacts, clock_, id, expected_version, true);
}

core::Result<core::Contact> ContactService::restore(const Caller& caller, core::Id id,
                                                    std::int64_t expected_version) {
  return change_shelf(records_, caller, kContacts, clock_, id, expected_version, false);
}

core::Status ContactService::erase(const Caller& caller, core::Id id) {
  return erase_record(records_, caller, kContacts, clock_, id);
}

}  // namespace rapport::services
