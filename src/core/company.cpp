// The rules of a company.
#include "core/company.hpp"

#include <algorithm>
#include <set>

#include "core/text_rules.hpp"

namespace rapport::core {

namespace {

bool valid_domain(const std::string& d) {
  if (d.empty() || d.size() > 253 || d.find('.') == std::string::npos) return false;
  if (d.front() == '.' || d.back() == '.' || d.front() == '-' ||
      d.find("..") != std::string::npos) {
    return false;
  }
  return std::all_of(d.begin(), d.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

}  // namespace

Status validate(Company& c, const std::vector<CustomFieldDefinition>& custom_fields,
                const std::string& default_region) {
  std::vector<FieldError> errors;
  c.name = trim_spaces(c.name);
  if (c.name.empty()) errors.push_back({"name", "is required"});
  check_text("name", c.name, 200, true, errors);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < c.domains.size(); ++i) {
    std::string& d = c.domains[i];
    d = trim_spaces(d);
    std::transform(d.begin(), d.end(), d.begin(), [](char ch) {
      return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    });
    std::string field = "domains/" + std::to_string(i);
    if (!valid_domain(d))
      errors.push_back({field, "is not a domain name such as example.co.th"});
    else if (!seen.insert(d).second)
      errors.push_back({field, "is listed twice"});
  }
  check_text("industry", c.industry, 200, true, errors);
  if (!c.size.empty() &&
      std::find(kCompanySizes.begin(), kCompanySizes.end(), c.size) == kCompanySizes.end()) {
    errors.push_back({"size", "must be 1-10, 11-50, 51-200, 201-1000, 1001-5000 or 5001+"});
  }
  if (c.annual_revenue) {
    if (!is_currency_code(c.annual_revenue->currency)) {
      errors.push_back({"annual_revenue/currency", "is not an ISO 4217 currency code"});
    }
    if (c.annual_revenue->minor_units < 0) {
      errors.push_back({"annual_revenue/minor_units", "must not be negative"});
    }
  }
  for (std::size_t i = 0; i < c.addresses.size(); ++i) {
    check_address(c.addresses[i], "addresses/" + std::to_string(i) + "/", errors);
  }
  if (c.parent_id && (*c.parent_id <= 0 || *c.parent_id == c.id)) {
    errors.push_back({"parent_id", "must be the id of another company"});
  }
  if (c.owner_id && *c.owner_id <= 0) errors.push_back({"owner_id", "must be an id"});
  if (c.team_id && *c.team_id <= 0) errors.push_back({"team_id", "must be an id"});
  check_tags(c.tags, errors);
  check_text("notes", c.notes, 100000, false, errors);
  check_custom_values(custom_fields, c.custom, default_region, errors);
  if (errors.empty()) return {};
  return Error::invalid("the company is invalid", std::move(errors));
}

}  // namespace rapport::core
