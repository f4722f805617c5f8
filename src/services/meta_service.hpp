// What the caller may see of the record kinds: each kind's descriptor with the organisation's
// custom fields on it and the caller's permitted actions and their scope. The web UI builds its
// lists, filters and forms from it; integrators discover the API with it.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "core/custom_field.hpp"
#include "core/kind_descriptor.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "services/caller.hpp"
#include "services/unit_of_work.hpp"

namespace rapport::services {

struct KindMeta {
  const core::KindDescriptor* kind = nullptr;
  std::vector<core::CustomFieldDefinition> custom_fields;  // empty unless kind has kCustomFields
  // Every action with the scope the caller has it in; nullopt where the caller may not.
  std::vector<std::pair<core::Action, std::optional<core::Scope>>> permissions;
};

class MetaService {
 public:
  explicit MetaService(UnitOfWork& records) : records_(records) {}

  // The kinds `caller` may read, in core::kRecordKinds order.
  core::Result<std::vector<KindMeta>> kinds(const Caller& caller);

 private:
  UnitOfWork& records_;
};

}  // namespace rapport::services
