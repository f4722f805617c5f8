// Flattening a contact into named text values so that the audit log can say what changed.
#include "services/record_audit.hpp"

#include <map>
#include <optional>
#include <string>

namespace rapport::services {
namespace {

using Values = std::map<std::string, std::string>;

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

Values flatten(const core::Contact& c) {
  Values v;
  v["given_name"] = c.given_name;
  v["family_name"] = c.family_name;
  v["display_name"] = c.display_name;
  std::vector<std::string> items;
  for (const auto& e : c.emails) {
    items.push_back(e.address + " (" + e.type + (e.primary ? ", primary)" : ")"));
  }
  v["emails"] = join(items);
  items.clear();
  for (const auto& p : c.phones) {
    items.push_back(p.number + " (" + p.type + (p.primary ? ", primary)" : ")"));
  }
  v["phones"] = join(items);
  v["lifecycle_stage"] = c.lifecycle_stage;
  v["lead_source"] = c.lead_source;
  v["owner_id"] = c.owner_id ? std::to_string(*c.owner_id) : "";
  v["team_id"] = c.team_id ? std::to_string(*c.team_id) : "";
  v["tags"] = join(c.tags);
  v["preferred_language"] = c.preferred_language;
  v["time_zone"] = c.time_zone;
  v["notes"] = c.notes;
  for (const auto& [key, value] : c.custom) {
    std::string text = value.text;
    if (!value.choices.empty()) text = join(value.choices);
    if (value.money) text = std::to_string(value.money->minor_units) + " " + value.money->currency;
    v["custom/" + key] = text;
  }
  return v;
}

}  // namespace

std::vector<core::FieldChange> contact_changes(const core::Contact* before,
                                               const core::Contact& after) {
  const Values now = flatten(after);
  const Values old = before ? flatten(*before) : Values{};
  std::vector<core::FieldChange> changes;
  for (const auto& [field, value] : now) {
    auto it = old.find(field);
    std::optional<std::string> was;
    if (it != old.end()) was = it->second;
    if (!was && value.empty()) continue;
    if (was != value) changes.push_back({field, was, value});
  }
  for (const auto& [field, value] : old) {
    if (!now.contains(field)) changes.push_back({field, value, std::nullopt});
  }
  return changes;
}

}  // namespace rapport::services
