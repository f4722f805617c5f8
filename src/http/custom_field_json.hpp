// Custom field definitions on the wire: the JSON a client reads, and what a client may write
// (entity, key and type only when creating; label, options, required and unique at any time).
#pragma once

#include <boost/json.hpp>

#include "core/custom_field.hpp"
#include "core/result.hpp"

namespace rapport::http {

// id, version, entity, key, label, type, options, required, unique, created_at, updated_at.
boost::json::object custom_field_to_json(const core::CustomFieldDefinition& definition);

// A new definition from a POST body: entity, key, label and type required; options, required
// and unique optional. kInvalid with every field error (unknown names of entity or type, wrong
// types, unknown or server-owned fields).
core::Result<core::CustomFieldDefinition> custom_field_from_json(const boost::json::object& body);

// Writes the fields present in a PATCH body onto `definition`. entity, key and type are refused
// ("cannot be changed"), as are unknown and server-owned fields.
core::Status apply_custom_field_json(const boost::json::object& body,
                                     core::CustomFieldDefinition& definition);

}  // namespace rapport::http
