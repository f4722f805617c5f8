// The rules of an activity.
#include "core/activity.hpp"

#include <algorithm>
#include <set>

#include "core/phone.hpp"
#include "core/text_rules.hpp"

namespace rapport::core {

namespace {

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& choices, const std::string& value) {
  return std::find(choices.begin(), choices.end(), value) != choices.end();
}

template <std::size_t N>
std::string choice_list(const std::array<std::string_view, N>& choices) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(choices[i]);
  }
  return out;
}

void check_links(std::string_view field, const std::vector<Id>& ids,
                 std::vector<FieldError>& errors) {
  if (ids.size() > kMaxActivityLinks) {
    errors.push_back({std::string(field), "takes at most 100 records"});
    return;
  }
  std::set<Id> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string at = std::string(field) + "/" + std::to_string(i);
    if (ids[i] <= 0) {
      errors.push_back({at, "must be an id"});
    } else if (!seen.insert(ids[i]).second) {
      errors.push_back({at, "is listed twice"});
    }
  }
}

}  // namespace

Status validate(Activity& a, const std::vector<CustomFieldDefinition>& custom_fields,
                const std::string& default_region) {
  std::vector<FieldError> errors;
  if (!one_of(kActivityTypes, a.type)) {
    errors.push_back({"type", "must be " + choice_list(kActivityTypes)});
  }
  a.subject = trim_spaces(a.subject);
  if (a.subject.empty()) errors.push_back({"subject", "is required"});
  check_text("subject", a.subject, 300, true, errors);
  check_text("body", a.body, 100000, false, errors);
  if (!one_of(kActivityStatuses, a.status)) {
    errors.push_back({"status", "must be " + choice_list(kActivityStatuses)});
  }
  if (!one_of(kActivityPriorities, a.priority)) {
    errors.push_back({"priority", "must be " + choice_list(kActivityPriorities)});
  }
  if (!a.direction.empty() && !one_of(kActivityDirections, a.direction)) {
    errors.push_back({"direction", "must be " + choice_list(kActivityDirections) + ", or empty"});
  }
  if (a.starts_at && a.ends_at && *a.ends_at < *a.starts_at) {
    errors.push_back({"ends_at", "must not be before starts_at"});
  }
  if (a.duration_seconds && (*a.duration_seconds < 0 || *a.duration_seconds > 7 * 24 * 3600)) {
    errors.push_back({"duration_seconds", "must be between 0 and 604800 (a week)"});
  }
  a.outcome = trim_spaces(a.outcome);
  check_text("outcome", a.outcome, 300, true, errors);
  a.location = trim_spaces(a.location);
  check_text("location", a.location, 300, true, errors);
  a.phone = trim_spaces(a.phone);
  if (!a.phone.empty()) {
    auto parsed = parse_phone(a.phone, default_region, "phone");
    if (parsed.ok()) {
      a.phone = parsed->e164;
    } else {
      for (auto& e : parsed.error().fields) errors.push_back(std::move(e));
    }
  }
  check_links("contact_ids", a.contact_ids, errors);
  check_links("company_ids", a.company_ids, errors);
  if (a.owner_id && *a.owner_id <= 0) errors.push_back({"owner_id", "must be an id"});
  if (a.team_id && *a.team_id <= 0) errors.push_back({"team_id", "must be an id"});
  check_tags(a.tags, errors);
  check_custom_values(custom_fields, a.custom, default_region, errors);
  if (errors.empty()) return {};
  return Error::invalid("the activity is invalid", std::move(errors));
}

}  // namespace rapport::core
