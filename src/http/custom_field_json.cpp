// Mapping between core::CustomFieldDefinition and its JSON form.
#include "http/custom_field_json.hpp"

#include "core/timestamp.hpp"
#include "http/json_input.hpp"
#include "http/record_json.hpp"

namespace rapport::http {
namespace {

namespace json = boost::json;

// label, options, required, unique: what create and update both accept.
void read_changeable(ObjectReader& reader, core::CustomFieldDefinition& d) {
  read_text(reader, "label", d.label);
  if (reader.has("options")) d.options = read_strings(reader, "options");
  if (auto required = reader.boolean("required")) d.required = *required;
  if (auto unique = reader.boolean("unique")) d.unique = *unique;
}

}  // namespace

json::object custom_field_to_json(const core::CustomFieldDefinition& d) {
  json::object o;
  o["id"] = d.id;
  o["version"] = d.version;
  o["entity"] = core::to_string(d.entity);
  o["key"] = d.key;
  o["label"] = d.label;
  o["type"] = core::to_string(d.type);
  o["options"] = strings_json(d.options);
  o["required"] = d.required;
  o["unique"] = d.unique;
  o["created_at"] = core::format_timestamp(d.created_at);
  o["updated_at"] = core::format_timestamp(d.updated_at);
  return o;
}

core::Result<core::CustomFieldDefinition> custom_field_from_json(const json::object& body) {
  ObjectReader reader(body);
  reader.allow_only({"entity", "key", "label", "type", "options", "required", "unique"});
  core::CustomFieldDefinition d;
  if (auto entity = reader.string("entity", Need::kRequired)) {
    auto parsed = core::parse_record_kind(*entity, "entity");
    if (parsed.ok()) {
      d.entity = *parsed;
    } else {
      reader.fail("entity", "must be contact or company");
    }
  }
  d.key = reader.string("key", Need::kRequired).value_or("");
  reader.string("label", Need::kRequired);
  if (auto type = reader.string("type", Need::kRequired)) {
    auto parsed = core::parse_custom_field_type(*type);
    if (parsed.ok()) {
      d.type = *parsed;
    } else {
      reader.fail("type",
                  "must be one of text, long_text, number, money, date, date_time, boolean, "
                  "single_select, multi_select, url, email, phone");
    }
  }
  read_changeable(reader, d);
  RAPPORT_TRY(reader.finish());
  return d;
}

core::Status apply_custom_field_json(const json::object& body, core::CustomFieldDefinition& d) {
  ObjectReader reader(body);
  reader.allow_only({"label", "options", "required", "unique", "entity", "key", "type"});
  for (std::string_view fixed : {"entity", "key", "type"}) {
    if (reader.has(fixed)) reader.fail(fixed, "cannot be changed; define a new field instead");
  }
  read_changeable(reader, d);
  return reader.finish();
}

}  // namespace rapport::http
