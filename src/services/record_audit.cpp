// Flattening contacts, companies, activities and custom field definitions into named text values so
// that the audit log can say what changed.
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

// An address on one line, its empty parts left out.
std::string address_text(const core::PostalAddress& a) {
  std::vector<std::string> parts;
  for (const auto* part : {&a.street, &a.locality, &a.region, &a.postal_code, &a.country}) {
    if (!part->empty()) parts.push_back(*part);
  }
  return join(parts) + " (" + a.type + ")";
}

std::string money_text(const core::Money& m) {
  return std::to_string(m.minor_units) + " " + m.currency;
}

void add_custom(Values& v, const core::CustomValues& custom) {
  for (const auto& [key, value] : custom) {
    std::string text = value.text;
    if (!value.choices.empty()) text = join(value.choices);
    if (value.money) text = money_text(*value.money);
    v["custom/" + key] = text;
  }
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
  // The number as typed and as read: reading it in another region changes only the latter.
  for (const auto& p : c.phones) {
    items.push_back(p.number + " = " + p.e164 + " (" + p.type +
                    (p.region.empty() ? "" : ", region " + p.region) +
                    (p.primary ? ", primary)" : ")"));
  }
  v["phones"] = join(items);
  items.clear();
  for (const auto& l : c.companies) {
    items.push_back(std::to_string(l.company_id) + " (" + l.job_title + ")");
  }
  v["companies"] = join(items);
  items.clear();
  for (const auto& a : c.addresses) items.push_back(address_text(a));
  v["addresses"] = join(items);
  items.clear();
  for (const auto& k : c.consents) {
    items.push_back(k.channel + (k.granted ? " granted " : " withdrawn ") +
                    core::format_timestamp(k.at) + " (" + k.source + ")");
  }
  v["consents"] = join(items);
  v["lifecycle_stage"] = c.lifecycle_stage;
  v["lead_source"] = c.lead_source;
  v["owner_id"] = c.owner_id ? std::to_string(*c.owner_id) : "";
  v["team_id"] = c.team_id ? std::to_string(*c.team_id) : "";
  v["tags"] = join(c.tags);
  v["preferred_language"] = c.preferred_language;
  v["time_zone"] = c.time_zone;
  v["notes"] = c.notes;
  add_custom(v, c.custom);
  return v;
}

Values flatten(const core::Company& c) {
  Values v;
  v["name"] = c.name;
  v["domains"] = join(c.domains);
  v["industry"] = c.industry;
  v["size"] = c.size;
  v["annual_revenue"] = c.annual_revenue ? money_text(*c.annual_revenue) : "";
  std::vector<std::string> items;
  for (const auto& a : c.addresses) {
    items.push_back(address_text(a));
  }
  v["addresses"] = join(items);
  v["parent_id"] = c.parent_id ? std::to_string(*c.parent_id) : "";
  v["owner_id"] = c.owner_id ? std::to_string(*c.owner_id) : "";
  v["team_id"] = c.team_id ? std::to_string(*c.team_id) : "";
  v["tags"] = join(c.tags);
  v["notes"] = c.notes;
  add_custom(v, c.custom);
  return v;
}

std::string time_text(const std::optional<core::Timestamp>& t) {
  return t ? core::format_timestamp(*t) : "";
}

std::string ids_text(const std::vector<core::Id>& ids) {
  std::vector<std::string> parts;
  for (core::Id id : ids) parts.push_back(std::to_string(id));
  return join(parts);
}

Values flatten(const core::Activity& a) {
  Values v;
  v["type"] = a.type;
  v["subject"] = a.subject;
  v["body"] = a.body;
  v["status"] = a.status;
  v["priority"] = a.priority;
  v["direction"] = a.direction;
  v["starts_at"] = time_text(a.starts_at);
  v["ends_at"] = time_text(a.ends_at);
  v["due_at"] = time_text(a.due_at);
  v["remind_at"] = time_text(a.remind_at);
  v["duration_seconds"] = a.duration_seconds ? std::to_string(*a.duration_seconds) : "";
  v["outcome"] = a.outcome;
  v["phone"] = a.phone;
  v["location"] = a.location;
  v["contact_ids"] = ids_text(a.contact_ids);
  v["company_ids"] = ids_text(a.company_ids);
  v["owner_id"] = a.owner_id ? std::to_string(*a.owner_id) : "";
  v["team_id"] = a.team_id ? std::to_string(*a.team_id) : "";
  v["tags"] = join(a.tags);
  add_custom(v, a.custom);
  return v;
}

Values flatten(const core::CustomFieldDefinition& d) {
  Values v;
  v["entity"] = std::string(core::to_string(d.entity));
  v["key"] = d.key;
  v["label"] = d.label;
  v["type"] = std::string(core::to_string(d.type));
  v["options"] = join(d.options);
  v["required"] = d.required ? "true" : "false";
  v["unique"] = d.unique ? "true" : "false";
  return v;
}

std::vector<core::FieldChange> diff(const Values* before, const Values& now) {
  const Values old = before ? *before : Values{};
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

template <class Record>
std::vector<core::FieldChange> changes_of(const Record* before, const Record& after) {
  if (before == nullptr) return diff(nullptr, flatten(after));
  const Values old = flatten(*before);
  return diff(&old, flatten(after));
}

}  // namespace

std::vector<core::FieldChange> contact_changes(const core::Contact* before,
                                               const core::Contact& after) {
  return changes_of(before, after);
}

std::vector<core::FieldChange> company_changes(const core::Company* before,
                                               const core::Company& after) {
  return changes_of(before, after);
}

std::vector<core::FieldChange> activity_changes(const core::Activity* before,
                                                const core::Activity& after) {
  return changes_of(before, after);
}

std::vector<core::FieldChange> custom_field_changes(const core::CustomFieldDefinition* before,
                                                    const core::CustomFieldDefinition& after) {
  return changes_of(before, after);
}

}  // namespace rapport::services
