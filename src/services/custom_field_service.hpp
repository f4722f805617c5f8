// Custom field definitions as use cases: every signed-in user may read them (forms need them);
// only roles granted custom_fields create/update/delete (admins) may change them, each change
// audited with its before/after values in the same transaction.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/custom_field.hpp"
#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/unit_of_work.hpp"

namespace rapport::services {

// Applies a client's changes (label, options, required, unique) onto the current definition;
// kInvalid with field errors for unusable input.
using CustomFieldEdit = std::function<core::Status(core::CustomFieldDefinition&)>;

class CustomFieldService {
 public:
  CustomFieldService(UnitOfWork& records, Clock clock)
      : records_(records), clock_(std::move(clock)) {}

  // The definitions of `entity` (both entities when unset), contacts' first, each by id.
  core::Result<std::vector<core::CustomFieldDefinition>> list(
      const Caller& caller, std::optional<core::RecordKind> entity);

  // One definition; kNotFound when there is none.
  core::Result<core::CustomFieldDefinition> get(const Caller& caller, core::Id id);

  // Adds a definition. Forbidden without the permission; kInvalid with every field error for a
  // definition that breaks the rules; kConflict (field "key") when its entity has the key.
  core::Result<core::CustomFieldDefinition> create(const Caller& caller,
                                                   core::CustomFieldDefinition draft);

  // Applies `edit` when the definition's version is `expected_version` (kStale otherwise). Key,
  // entity and type are fixed: an edit changing them is kInvalid.
  core::Result<core::CustomFieldDefinition> update(const Caller& caller, core::Id id,
                                                   std::int64_t expected_version,
                                                   const CustomFieldEdit& edit);

  // Removes the definition and every stored value of it, under the version rule.
  core::Status remove(const Caller& caller, core::Id id, std::int64_t expected_version);

 private:
  UnitOfWork& records_;
  Clock clock_;
};

}  // namespace rapport::services
