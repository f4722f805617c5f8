// The errors both engines give for a record's state and for custom field definitions, so that a
// caller reads the same words whatever the engine. The order of the checks is part of the rule,
// the first failure being the answer on both engines: the records a write links to (a contact's
// companies, a company's parent: a field error), then existence, the version, the trash, and last
// unique custom values. A create returns the record read back, as a get would.
#pragma once

#include <cstdint>
#include <vector>

#include "core/kind_descriptor.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"

namespace rapport::store {

// kNotFound: "no such contact".
core::Error record_not_found(core::RecordKind kind);

// kStale: "the contact was changed by someone else (version 3, not 2)".
core::Error stale_record(core::RecordKind kind, std::int64_t stored, std::int64_t expected);

// kConflict when a live record is expected (update, trash) and it is in the trash, or the other
// way round (restore).
core::Error record_in_trash(core::RecordKind kind);
core::Error record_not_in_trash(core::RecordKind kind);

// The error for a versioned write that changed no row, from the record's state read after it:
// `found` false when there is none, else its `version`. At the expected version, the record was
// on the other shelf than the write needs: `want_live` for update and trash, not for restore.
core::Error unchanged_record(core::RecordKind kind, bool found, std::int64_t version,
                             std::int64_t expected_version, bool want_live);

// The field error for a reference column naming no record of its target kind (neither live nor
// in the trash): "parent_id", "no such company"; for link `index` of a link field:
// "contact_ids/2", "no such contact" ("companies/0/company_id" for titled links).
core::Error missing_reference(const core::FieldDescriptor& field);
core::Error missing_link(const core::FieldDescriptor& field, std::size_t index);

// kNotFound, kStale and kInvalid (entity, key or type changed) for custom field definitions; a
// duplicate key is unique_violation("custom_fields") (constraint_errors.hpp).
core::Error custom_field_not_found();
core::Error stale_custom_field();
core::Error custom_field_identity_changed(std::vector<core::FieldError> fields);

}  // namespace rapport::store
