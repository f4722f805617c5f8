// Boost.JSON mapping of the document parts of customer records.
#include "store/customer_codec.hpp"

#include <boost/json.hpp>
#include <stdexcept>

namespace rapport::store {

namespace json = boost::json;

namespace {

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

json::array addresses(const std::vector<core::PostalAddress>& items) {
  json::array out;
  for (const auto& a : items) {
    out.push_back(json::object{{"type", a.type},
                               {"street", a.street},
                               {"locality", a.locality},
                               {"region", a.region},
                               {"postal_code", a.postal_code},
                               {"country", a.country}});
  }
  return out;
}

json::object custom(const core::CustomValues& values) {
  json::object out;
  for (const auto& [key, v] : values) {
    json::object o{
        {"text", v.text}, {"choices", strings(v.choices)}, {"type", core::to_string(v.type)}};
    if (v.money)
      o["money"] = json::object{{"minor", v.money->minor_units}, {"currency", v.money->currency}};
    out[key] = std::move(o);
  }
  return out;
}

// Reading: a corrupt document throws inside Boost.JSON accessors; the callers turn that into
// kInternal, as it means the row was not written by this codec.
std::string str(const json::object& o, std::string_view key) {
  return std::string(o.at(key).as_string());
}

std::vector<std::string> read_strings(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

std::vector<core::PostalAddress> read_addresses(const json::value& v) {
  std::vector<core::PostalAddress> out;
  for (const auto& item : v.as_array()) {
    const auto& o = item.as_object();
    out.push_back({str(o, "type"), str(o, "street"), str(o, "locality"), str(o, "region"),
                   str(o, "postal_code"), str(o, "country")});
  }
  return out;
}

// Documents written before values carried their type say nothing of it: money and choices
// show theirs by their shape, anything else reads as text until the record is next written.
core::CustomFieldType read_value_type(const json::object& o, const core::CustomValue& value) {
  if (const auto* type = o.if_contains("type")) {
    auto parsed = core::parse_custom_field_type(type->as_string());
    if (!parsed.ok()) throw std::invalid_argument("unknown custom value type");
    return *parsed;
  }
  if (value.money) return core::CustomFieldType::kMoney;
  if (!value.choices.empty()) return core::CustomFieldType::kMultiSelect;
  return core::CustomFieldType::kText;
}

core::CustomValues read_custom(const json::value& v) {
  core::CustomValues out;
  for (const auto& [key, item] : v.as_object()) {
    const auto& o = item.as_object();
    core::CustomValue value{str(o, "text"), read_strings(o.at("choices")), std::nullopt};
    if (const auto* m = o.if_contains("money")) {
      value.money = core::Money{m->as_object().at("minor").to_number<std::int64_t>(),
                                str(m->as_object(), "currency")};
    }
    value.type = read_value_type(o, value);
    out.emplace(std::string(key), std::move(value));
  }
  return out;
}

template <class Fill>
core::Status read_doc(std::string_view doc, Fill&& fill) {
  boost::system::error_code ec;
  json::value v = json::parse(doc, ec);
  if (ec || !v.is_object()) return core::Error::internal("a stored document is not JSON");
  try {
    fill(v.as_object());
  } catch (const std::exception& e) {
    return core::Error::internal(std::string("a stored document is malformed: ") + e.what());
  }
  return {};
}

}  // namespace

std::string contact_doc(const core::Contact& c) {
  json::array emails, phones, consents;
  for (const auto& e : c.emails) {
    emails.push_back(
        json::object{{"address", e.address}, {"type", e.type}, {"primary", e.primary}});
  }
  for (const auto& p : c.phones) {
    phones.push_back(json::object{{"number", p.number},
                                  {"e164", p.e164},
                                  {"type", p.type},
                                  {"primary", p.primary},
                                  {"region", p.region}});
  }
  for (const auto& k : c.consents) {
    consents.push_back(json::object{{"channel", k.channel},
                                    {"granted", k.granted},
                                    {"at", core::to_millis(k.at)},
                                    {"source", k.source}});
  }
  json::object doc{{"emails", std::move(emails)},
                   {"phones", std::move(phones)},
                   {"addresses", addresses(c.addresses)},
                   {"tags", strings(c.tags)},
                   {"preferred_language", c.preferred_language},
                   {"time_zone", c.time_zone},
                   {"consents", std::move(consents)},
                   {"notes", c.notes},
                   {"custom", custom(c.custom)}};
  return json::serialize(doc);
}

core::Status read_contact_doc(std::string_view doc, core::Contact& c) {
  return read_doc(doc, [&](const json::object& o) {
    for (const auto& item : o.at("emails").as_array()) {
      const auto& e = item.as_object();
      c.emails.push_back({str(e, "address"), str(e, "type"), e.at("primary").as_bool()});
    }
    for (const auto& item : o.at("phones").as_array()) {
      const auto& p = item.as_object();
      // Documents written before phones had a region have none: read where the contact is.
      const auto* region = p.if_contains("region");
      c.phones.push_back({str(p, "number"), str(p, "e164"), str(p, "type"),
                          p.at("primary").as_bool(),
                          region ? std::string(region->as_string()) : std::string()});
    }
    c.addresses = read_addresses(o.at("addresses"));
    c.tags = read_strings(o.at("tags"));
    c.preferred_language = str(o, "preferred_language");
    c.time_zone = str(o, "time_zone");
    for (const auto& item : o.at("consents").as_array()) {
      const auto& k = item.as_object();
      c.consents.push_back({str(k, "channel"), k.at("granted").as_bool(),
                            core::from_millis(k.at("at").to_number<std::int64_t>()),
                            str(k, "source")});
    }
    c.notes = str(o, "notes");
    c.custom = read_custom(o.at("custom"));
  });
}

std::string company_doc(const core::Company& c) {
  json::object doc{
      {"domains", strings(c.domains)}, {"size", c.size},   {"addresses", addresses(c.addresses)},
      {"tags", strings(c.tags)},       {"notes", c.notes}, {"custom", custom(c.custom)}};
  if (c.annual_revenue) {
    doc["annual_revenue"] = json::object{{"minor", c.annual_revenue->minor_units},
                                         {"currency", c.annual_revenue->currency}};
  }
  return json::serialize(doc);
}

core::Status read_company_doc(std::string_view doc, core::Company& c) {
  return read_doc(doc, [&](const json::object& o) {
    c.domains = read_strings(o.at("domains"));
    c.size = str(o, "size");
    c.addresses = read_addresses(o.at("addresses"));
    c.tags = read_strings(o.at("tags"));
    c.notes = str(o, "notes");
    c.custom = read_custom(o.at("custom"));
    if (const auto* m = o.if_contains("annual_revenue")) {
      c.annual_revenue = core::Money{m->as_object().at("minor").to_number<std::int64_t>(),
                                     str(m->as_object(), "currency")};
    }
  });
}

std::string activity_doc(const core::Activity& a) {
  json::object doc{{"body", a.body},          {"outcome", a.outcome},
                   {"phone", a.phone},        {"location", a.location},
                   {"tags", strings(a.tags)}, {"custom", custom(a.custom)}};
  if (a.ends_at) doc["ends_at"] = core::to_millis(*a.ends_at);
  if (a.duration_seconds) doc["duration_seconds"] = *a.duration_seconds;
  return json::serialize(doc);
}

core::Status read_activity_doc(std::string_view doc, core::Activity& a) {
  return read_doc(doc, [&](const json::object& o) {
    a.body = str(o, "body");
    a.outcome = str(o, "outcome");
    a.phone = str(o, "phone");
    a.location = str(o, "location");
    a.tags = read_strings(o.at("tags"));
    a.custom = read_custom(o.at("custom"));
    if (const auto* end = o.if_contains("ends_at")) {
      a.ends_at = core::from_millis(end->to_number<std::int64_t>());
    }
    if (const auto* duration = o.if_contains("duration_seconds")) {
      a.duration_seconds = duration->to_number<std::int64_t>();
    }
  });
}

std::string custom_field_doc(const core::CustomFieldDefinition& d) {
  json::object doc{{"label", d.label},
                   {"type", core::to_string(d.type)},
                   {"options", strings(d.options)},
                   {"required", d.required},
                   {"unique", d.unique}};
  return json::serialize(doc);
}

core::Status read_custom_field_doc(std::string_view doc, core::CustomFieldDefinition& d) {
  core::Status type_status;
  core::Status read = read_doc(doc, [&](const json::object& o) {
    d.label = str(o, "label");
    auto type = core::parse_custom_field_type(o.at("type").as_string());
    if (type.ok())
      d.type = *type;
    else
      type_status = core::Error::internal("a stored custom field has an unknown type");
    d.options = read_strings(o.at("options"));
    d.required = o.at("required").as_bool();
    d.unique = o.at("unique").as_bool();
  });
  RAPPORT_TRY(read);
  return type_status;
}

std::string choices_json(const std::vector<std::string>& choices) {
  return json::serialize(strings(choices));
}

}  // namespace rapport::store
