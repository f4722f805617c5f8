// Mapping between core::Contact and its JSON form, strict about what a client may send.
#include "http/contact_json.hpp"

#include "core/timestamp.hpp"
#include "http/json_input.hpp"

namespace rapport::http {
namespace {

namespace json = boost::json;

json::value optional_id(const std::optional<core::Id>& id) {
  if (id) return json::value(*id);
  return json::value(nullptr);
}

json::value custom_to_json(const core::CustomValue& value) {
  if (value.money) {
    return json::object{{"minor_units", value.money->minor_units},
                        {"currency", value.money->currency}};
  }
  if (!value.choices.empty()) {
    json::array a;
    for (const auto& c : value.choices) a.emplace_back(c);
    return a;
  }
  return json::value(value.text);
}

std::vector<std::string> read_strings(ObjectReader& reader, std::string_view key) {
  std::vector<std::string> out;
  const auto* array = reader.array(key);
  if (!array) return out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    if (const auto* s = (*array)[i].if_string()) {
      out.emplace_back(s->c_str(), s->size());
    } else {
      reader.fail(child_path(key, i), "must be a string");
    }
  }
  return out;
}

void read_emails(ObjectReader& reader, core::Contact& contact) {
  contact.emails.clear();
  const auto* array = reader.array("emails");
  if (!array) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      reader.fail(child_path("emails", i), "must be an object");
      continue;
    }
    auto nested = reader.nested(*item, child_path("emails", i));
    nested.allow_only({"address", "type", "primary"});
    core::ContactEmail email;
    email.address = nested.string("address", Need::kRequired).value_or("");
    email.type = nested.string("type").value_or("work");
    email.primary = nested.boolean("primary").value_or(false);
    contact.emails.push_back(std::move(email));
  }
}

void read_phones(ObjectReader& reader, core::Contact& contact) {
  contact.phones.clear();
  const auto* array = reader.array("phones");
  if (!array) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      reader.fail(child_path("phones", i), "must be an object");
      continue;
    }
    auto nested = reader.nested(*item, child_path("phones", i));
    // e164 is computed from the number; a client echoing it back is harmless, so it is accepted
    // and ignored rather than refused.
    nested.allow_only({"number", "e164", "type", "primary"});
    core::ContactPhone phone;
    phone.number = nested.string("number", Need::kRequired).value_or("");
    nested.string("e164");
    phone.type = nested.string("type").value_or("mobile");
    phone.primary = nested.boolean("primary").value_or(false);
    contact.phones.push_back(std::move(phone));
  }
}

void read_custom(ObjectReader& reader, core::Contact& contact) {
  const auto* custom = reader.object("custom");
  if (!custom) return;
  for (const auto& [key_view, value] : *custom) {
    const std::string key(key_view.data(), key_view.size());
    const std::string path = child_path("custom", key);
    if (value.is_null()) {
      contact.custom.erase(key);
      continue;
    }
    core::CustomValue v;
    if (const auto* s = value.if_string()) {
      v.text.assign(s->c_str(), s->size());
    } else if (const auto* b = value.if_bool()) {
      v.text = *b ? "true" : "false";
    } else if (value.is_int64() || value.is_uint64() || value.is_double()) {
      v.text = json::serialize(value);
    } else if (const auto* a = value.if_array()) {
      for (const auto& item : *a) {
        if (const auto* s = item.if_string()) {
          v.choices.emplace_back(s->c_str(), s->size());
        } else {
          reader.fail(path, "a list must hold only strings");
        }
      }
    } else if (const auto* o = value.if_object()) {
      auto nested = reader.nested(*o, path);
      nested.allow_only({"minor_units", "currency"});
      auto units = nested.integer("minor_units", Need::kRequired);
      auto currency = nested.string("currency", Need::kRequired);
      if (units && currency) v.money = core::Money{*units, *currency};
    }
    contact.custom[key] = std::move(v);
  }
}

// A text field: absent leaves it, null clears it, a string sets it.
void read_text(ObjectReader& reader, std::string_view key, std::string& target) {
  if (!reader.has(key)) return;
  if (reader.is_null(key)) {
    target.clear();
    return;
  }
  if (auto value = reader.string(key)) target = std::move(*value);
}

void read_id(ObjectReader& reader, std::string_view key, std::optional<core::Id>& target) {
  if (!reader.has(key)) return;
  if (reader.is_null(key)) {
    target.reset();
    return;
  }
  if (auto value = reader.integer(key)) {
    if (*value <= 0) {
      reader.fail(key, "must be a positive id");
    } else {
      target = *value;
    }
  }
}

}  // namespace

boost::json::object contact_to_json(const core::Contact& c) {
  json::object o;
  o["id"] = c.id;
  o["version"] = c.meta.version;
  o["given_name"] = c.given_name;
  o["family_name"] = c.family_name;
  o["display_name"] = c.display_name;
  json::array emails;
  for (const auto& e : c.emails) {
    emails.push_back(
        json::object{{"address", e.address}, {"type", e.type}, {"primary", e.primary}});
  }
  o["emails"] = std::move(emails);
  json::array phones;
  for (const auto& p : c.phones) {
    phones.push_back(json::object{
        {"number", p.number}, {"e164", p.e164}, {"type", p.type}, {"primary", p.primary}});
  }
  o["phones"] = std::move(phones);
  json::array tags;
  for (const auto& t : c.tags) tags.emplace_back(t);
  o["tags"] = std::move(tags);
  o["owner_id"] = optional_id(c.owner_id);
  o["team_id"] = optional_id(c.team_id);
  o["lifecycle_stage"] = c.lifecycle_stage;
  o["lead_source"] = c.lead_source;
  o["preferred_language"] = c.preferred_language;
  o["time_zone"] = c.time_zone;
  o["notes"] = c.notes;
  json::object custom;
  for (const auto& [key, value] : c.custom) custom[key] = custom_to_json(value);
  o["custom"] = std::move(custom);
  o["created_at"] = core::format_timestamp(c.meta.created_at);
  o["updated_at"] = core::format_timestamp(c.meta.updated_at);
  if (c.meta.deleted_at) {
    o["deleted_at"] = core::format_timestamp(*c.meta.deleted_at);
  } else {
    o["deleted_at"] = nullptr;
  }
  return o;
}

core::Status apply_contact_json(const boost::json::object& body, core::Contact& contact,
                                services::FieldSet& supplied) {
  ObjectReader reader(body);
  reader.allow_only({"given_name", "family_name", "display_name", "emails", "phones", "tags",
                     "owner_id", "team_id", "lifecycle_stage", "lead_source", "preferred_language",
                     "time_zone", "notes", "custom"});
  for (const auto& [key, value] : body) supplied.emplace(key.data(), key.size());
  read_text(reader, "given_name", contact.given_name);
  read_text(reader, "family_name", contact.family_name);
  read_text(reader, "display_name", contact.display_name);
  read_text(reader, "lifecycle_stage", contact.lifecycle_stage);
  read_text(reader, "lead_source", contact.lead_source);
  read_text(reader, "preferred_language", contact.preferred_language);
  read_text(reader, "time_zone", contact.time_zone);
  read_text(reader, "notes", contact.notes);
  read_id(reader, "owner_id", contact.owner_id);
  read_id(reader, "team_id", contact.team_id);
  if (reader.has("emails")) read_emails(reader, contact);
  if (reader.has("phones")) read_phones(reader, contact);
  if (reader.has("tags")) contact.tags = read_strings(reader, "tags");
  read_custom(reader, contact);
  return reader.finish();
}

}  // namespace rapport::http
