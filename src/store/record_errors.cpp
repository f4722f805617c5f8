// The record and custom field errors shared by the SQLite and PostgreSQL stores.
#include "store/record_errors.hpp"

#include <string>

namespace rapport::store {

namespace {

std::string noun(core::RecordKind kind) { return std::string(core::to_string(kind)); }

}  // namespace

core::Error record_not_found(core::RecordKind kind) {
  return core::Error::not_found("no such " + noun(kind));
}

core::Error stale_record(core::RecordKind kind, std::int64_t stored, std::int64_t expected) {
  return core::Error::stale("the " + noun(kind) + " was changed by someone else (version " +
                            std::to_string(stored) + ", not " + std::to_string(expected) + ")");
}

core::Error record_in_trash(core::RecordKind kind) {
  return core::Error::conflict("the " + noun(kind) + " is in the trash; restore it first");
}

core::Error record_not_in_trash(core::RecordKind kind) {
  return core::Error::conflict("the " + noun(kind) + " is not in the trash");
}

core::Error unchanged_record(core::RecordKind kind, bool found, std::int64_t version,
                             std::int64_t expected_version, bool want_live) {
  if (!found) return record_not_found(kind);
  if (version != expected_version) return stale_record(kind, version, expected_version);
  return want_live ? record_in_trash(kind) : record_not_in_trash(kind);
}

core::Error missing_reference(const core::FieldDescriptor& field) {
  return core::Error::field(std::string(field.name), "no such " + noun(field.target));
}

core::Error missing_link(const core::FieldDescriptor& field, std::size_t index) {
  std::string pointer = std::string(field.name) + "/" + std::to_string(index);
  if (field.type == core::FieldType::kTitledLinks) {
    pointer += "/" + std::string(core::to_string(field.target)) + "_id";
  }
  return core::Error::field(pointer, "no such " + noun(field.target));
}

core::Error custom_field_not_found() { return core::Error::not_found("no such custom field"); }

core::Error stale_custom_field() {
  return core::Error::stale("the custom field was changed by someone else");
}

core::Error custom_field_identity_changed(std::vector<core::FieldError> fields) {
  return core::Error::invalid("the field's identity cannot change", std::move(fields));
}

}  // namespace rapport::store
