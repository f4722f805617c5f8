// The metadata handler: descriptors and custom field definitions as one JSON document.
#include "http/meta_routes.hpp"

#include <string>

#include "http/auth_middleware.hpp"
#include "http/response.hpp"

namespace rapport::http {
namespace {

namespace json = boost::json;

json::array names(std::span<const std::string_view> values) {
  json::array out;
  for (std::string_view v : values) out.emplace_back(v);
  return out;
}

json::array operator_names(std::span<const core::FilterOp> ops) {
  json::array out;
  for (core::FilterOp op : ops) out.emplace_back(core::to_string(op));
  return out;
}

json::object field_json(const core::KindDescriptor& kind, const core::FieldDescriptor& f) {
  const bool filterable = f.has(core::kFilterable);
  json::object o{
      {"name", f.name},
      {"type", core::to_string(f.type)},
      {"label_key",
       "fields." + std::string(core::to_string(kind.kind)) + "." + std::string(f.name)},
      {"required", f.has(core::kRequired)},
      {"read_only", f.has(core::kReadOnly)},
      {"sortable", f.has(core::kSortable)},
      {"filterable", filterable},
      {"operators", filterable ? operator_names(core::filter_ops(f.type)) : json::array{}},
      {"searchable", f.has(core::kSearchable)},
      {"custom", false},
  };
  if (f.type == core::FieldType::kRecord || core::is_link(f.type)) {
    o["target"] = core::to_string(f.target);
  }
  if (f.type == core::FieldType::kEnum) o["options"] = names(f.options);
  return o;
}

// A custom field as a field of its kind: sortable, filterable with every operator and found by
// search, like the store treats every custom value.
json::object custom_field_json(const core::CustomFieldDefinition& d) {
  json::array options;
  for (const std::string& option : d.options) options.emplace_back(option);
  return {
      {"name", "custom." + d.key},
      {"type", core::to_string(d.type)},
      {"label", d.label},
      {"required", d.required},
      {"unique", d.unique},
      {"read_only", false},
      {"sortable", true},
      {"filterable", true},
      {"operators", operator_names(core::kFilterOps)},
      {"searchable", true},
      {"custom", true},
      {"options", std::move(options)},
  };
}

json::object kind_json(const services::KindMeta& meta) {
  const core::KindDescriptor& kind = *meta.kind;
  json::array fields;
  for (const core::FieldDescriptor& f : kind.fields) fields.push_back(field_json(kind, f));
  for (const auto& d : meta.custom_fields) fields.push_back(custom_field_json(d));
  json::object permissions;
  for (const auto& [action, scope] : meta.permissions) {
    permissions[core::to_string(action)] =
        scope ? json::value(core::to_string(*scope)) : json::value(nullptr);
  }
  return {
      {"kind", core::to_string(kind.kind)},
      {"collection", kind.collection},
      {"label_key", "kinds." + std::string(core::to_string(kind.kind))},
      {"default_sort", kind.default_sort},
      {"owned", kind.has(core::kOwned)},
      {"trash", kind.has(core::kTrash)},
      {"search", kind.has(core::kSearch)},
      {"custom_fields", kind.has(core::kCustomFields)},
      {"timeline", kind.has(core::kTimeline)},
      {"audit", kind.has(core::kAudit)},
      {"fields", std::move(fields)},
      {"permissions", std::move(permissions)},
  };
}

core::Result<Response> read(services::MetaService& meta, const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
  RAPPORT_ASSIGN_OR_RETURN(auto kinds, meta.kinds(caller));
  json::array out;
  for (const auto& kind : kinds) out.push_back(kind_json(kind));
  return Response::json(json::object{{"kinds", std::move(out)}});
}

}  // namespace

void add_meta_routes(Router& router, services::MetaService& meta) {
  router.get("/api/v1/meta", [&meta](Request& r) { return read(meta, r); });
}

}  // namespace rapport::http
