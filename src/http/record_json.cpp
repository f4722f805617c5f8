// The wire form of what contacts and companies share.
#include "http/record_json.hpp"

#include <charconv>
#include <cstdint>

#include "core/timestamp.hpp"

namespace rapport::http {

namespace json = boost::json;

json::value optional_id_json(const std::optional<core::Id>& id) {
  if (id) return json::value(*id);
  return json::value(nullptr);
}

json::array strings_json(const std::vector<std::string>& values) {
  json::array out;
  for (const auto& v : values) out.emplace_back(v);
  return out;
}

json::object address_json(const core::PostalAddress& a) {
  return json::object{
      {"type", a.type},     {"street", a.street},           {"locality", a.locality},
      {"region", a.region}, {"postal_code", a.postal_code}, {"country", a.country}};
}

std::vector<core::PostalAddress> read_addresses(ObjectReader& reader) {
  std::vector<core::PostalAddress> out;
  const auto* array = reader.array("addresses");
  if (!array) return out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      reader.fail_at(child_path("addresses", i), "must be an object");
      continue;
    }
    auto nested = reader.nested(*item, child_path("addresses", i));
    nested.allow_only({"type", "street", "locality", "region", "postal_code", "country"});
    core::PostalAddress address;
    address.type = nested.string("type").value_or("work");
    address.street = nested.string("street").value_or("");
    address.locality = nested.string("locality").value_or("");
    address.region = nested.string("region").value_or("");
    address.postal_code = nested.string("postal_code").value_or("");
    address.country = nested.string("country").value_or("");
    out.push_back(std::move(address));
  }
  return out;
}

namespace {

// Each value with the JSON type of its field: numbers as numbers (integers exact), booleans as
// true/false, choices as an array, money in the same {amount_minor, currency} shape as a
// company's annual revenue; dates, times and every text type as strings.
json::value custom_value_json(const core::CustomValue& value) {
  switch (value.type) {
    case core::CustomFieldType::kNumber: {
      std::int64_t integer = 0;
      const char* end = value.text.data() + value.text.size();
      if (auto r = std::from_chars(value.text.data(), end, integer);
          r.ec == std::errc() && r.ptr == end) {
        return json::value(integer);
      }
      double number = 0;
      if (auto r = std::from_chars(value.text.data(), end, number);
          r.ec == std::errc() && r.ptr == end) {
        return json::value(number);
      }
      return json::value(value.text);
    }
    case core::CustomFieldType::kBoolean:
      return json::value(value.text == "true");
    case core::CustomFieldType::kMoney:
      if (!value.money) return json::value(nullptr);
      return json::object{{"amount_minor", value.money->minor_units},
                          {"currency", value.money->currency}};
    case core::CustomFieldType::kMultiSelect:
      return strings_json(value.choices);
    default:
      return json::value(value.text);
  }
}

}  // namespace

json::object custom_json(const core::CustomValues& values) {
  json::object custom;
  for (const auto& [key, value] : values) custom[key] = custom_value_json(value);
  return custom;
}

void add_record_meta(json::object& out, core::Id id, const core::RecordMeta& meta) {
  out["id"] = id;
  out["version"] = meta.version;
  out["created_at"] = core::format_timestamp(meta.created_at);
  out["created_by"] = optional_id_json(meta.created_by);
  out["updated_at"] = core::format_timestamp(meta.updated_at);
  out["updated_by"] = optional_id_json(meta.updated_by);
  if (meta.deleted_at) {
    out["deleted_at"] = core::format_timestamp(*meta.deleted_at);
  } else {
    out["deleted_at"] = nullptr;
  }
}

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

void read_time(ObjectReader& reader, std::string_view key, std::optional<core::Timestamp>& target) {
  if (!reader.has(key)) return;
  if (reader.is_null(key)) {
    target.reset();
    return;
  }
  auto text = reader.string(key);
  if (!text) return;
  auto t = core::parse_timestamp(*text);
  if (t.ok()) {
    target = *t;
  } else {
    reader.fail(key, "must be an RFC 3339 time such as 2026-12-07T09:30:00Z");
  }
}

std::vector<core::Id> read_ids(ObjectReader& reader, std::string_view key) {
  std::vector<core::Id> out;
  const auto* array = reader.array(key);
  if (!array) return out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* n = (*array)[i].if_int64();
    if (n != nullptr && *n > 0) {
      out.push_back(*n);
    } else {
      reader.fail_at(child_path(key, i), "must be a positive id");
    }
  }
  return out;
}

boost::json::value optional_time_json(const std::optional<core::Timestamp>& t) {
  if (t) return boost::json::value(core::format_timestamp(*t));
  return nullptr;
}

boost::json::array ids_json(const std::vector<core::Id>& ids) {
  boost::json::array out;
  for (core::Id id : ids) out.push_back(id);
  return out;
}

std::vector<std::string> read_strings(ObjectReader& reader, std::string_view key) {
  std::vector<std::string> out;
  const auto* array = reader.array(key);
  if (!array) return out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    if (const auto* s = (*array)[i].if_string()) {
      out.emplace_back(s->c_str(), s->size());
    } else {
      reader.fail_at(child_path(key, i), "must be a string");
    }
  }
  return out;
}

void read_custom(ObjectReader& reader, core::CustomValues& values) {
  const auto* custom = reader.object("custom");
  if (!custom) return;
  for (const auto& [key_view, value] : *custom) {
    const std::string key(key_view.data(), key_view.size());
    const std::string path = child_path("custom", key);
    if (value.is_null()) {
      values.erase(key);
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
          reader.fail_at(path, "a list must hold only strings");
        }
      }
    } else if (const auto* o = value.if_object()) {
      auto nested = reader.nested(*o, path);
      nested.allow_only({"amount_minor", "currency"});
      auto units = nested.integer("amount_minor", Need::kRequired);
      auto currency = nested.string("currency", Need::kRequired);
      if (units && currency) v.money = core::Money{*units, *currency};
    }
    values[key] = std::move(v);
  }
}

}  // namespace rapport::http
