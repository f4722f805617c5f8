// The contact's policy on the shared record service.
#include "services/contact_service.hpp"

#include <algorithm>

#include "services/record_audit.hpp"

namespace rapport::services {

core::Result<std::vector<std::string>> company_countries(store::CustomerTx& tx,
                                                         const core::Contact& contact) {
  std::vector<std::string> out;
  for (const core::CompanyLink& link : contact.companies) {
    auto company = store::get<core::Company>(tx, link.company_id);
    if (!company.ok() && company.error().kind != core::ErrorKind::kNotFound) {
      return std::move(company).error();
    }
    std::string country;
    if (company.ok()) {
      auto named = std::find_if(company->addresses.begin(), company->addresses.end(),
                                [](const core::PostalAddress& a) { return !a.country.empty(); });
      if (named != company->addresses.end()) country = named->country;
    }
    out.push_back(std::move(country));
  }
  return out;
}

// The countries of the companies the contact links to tell validate() where its national phone
// numbers are; a link to no company is left to check_links.
core::Status RecordPolicy<core::Contact>::validate(
    store::CustomerTx& tx, core::Contact& contact,
    const std::vector<core::CustomFieldDefinition>& fields, const std::string& default_region) {
  core::ContactRules rules;
  rules.default_region = default_region;
  rules.custom_fields = fields;
  RAPPORT_ASSIGN_OR_RETURN(rules.company_countries, company_countries(tx, contact));
  return core::validate(contact, rules);
}

// Refuses links to companies the caller cannot see, which would otherwise reveal that they
// exist and put their names into the contact's search. Links the contact already had stay
// whoever set them.
core::Status RecordPolicy<core::Contact>::check_links(store::CustomerTx& tx, const Caller& caller,
                                                      core::Scope, const core::Contact& next,
                                                      const core::Contact* current) {
  for (std::size_t i = 0; i < next.companies.size(); ++i) {
    const core::Id company_id = next.companies[i].company_id;
    if (current != nullptr && std::any_of(current->companies.begin(), current->companies.end(),
                                          [company_id](const core::CompanyLink& l) {
                                            return l.company_id == company_id;
                                          })) {
      continue;
    }
    const std::string field = "companies/" + std::to_string(i) + "/company_id";
    auto company = store::get<core::Company>(tx, company_id);
    if (!company.ok()) {
      if (company.error().kind != core::ErrorKind::kNotFound) return std::move(company).error();
      return core::Error::field(field, "no such company");
    }
    auto seen = authorize_record(caller, core::ObjectType::kCompanies, core::Action::kRead,
                                 ownership_of(*company), "company");
    if (!seen.ok()) return core::Error::field(field, "no such company");
  }
  return core::ok_status();
}

// A display name derived from the names follows them when they change, unless the client sets
// one; one the client chose stays as it is.
void RecordPolicy<core::Contact>::edited(const core::Contact& current, core::Contact& next,
                                         const FieldSet& supplied) {
  const bool renamed =
      next.given_name != current.given_name || next.family_name != current.family_name;
  if (renamed && !supplied.contains("display_name") &&
      current.display_name == core::derived_display_name(current.given_name, current.family_name)) {
    next.display_name.clear();
  }
}

std::vector<core::FieldChange> RecordPolicy<core::Contact>::changes(const core::Contact* before,
                                                                    const core::Contact& after) {
  return contact_changes(before, after);
}

}  // namespace rapport::services
