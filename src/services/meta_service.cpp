// The metadata use case: descriptors, custom fields and permissions in one read.
#include "services/meta_service.hpp"

namespace rapport::services {

using core::Action;

core::Result<std::vector<KindMeta>> MetaService::kinds(const Caller& caller) {
  static constexpr Action kActions[] = {Action::kRead,   Action::kCreate, Action::kUpdate,
                                        Action::kDelete, Action::kImport, Action::kExport,
                                        Action::kAssign};
  std::vector<KindMeta> out;
  for (core::RecordKind kind : core::kRecordKinds) {
    const core::KindDescriptor& descriptor = core::describe(kind);
    if (!authorize(caller, descriptor.object, Action::kRead).ok()) continue;
    KindMeta meta;
    meta.kind = &descriptor;
    for (Action action : kActions) {
      auto scope = authorize(caller, descriptor.object, action);
      meta.permissions.emplace_back(action, scope.ok() ? std::optional(*scope) : std::nullopt);
    }
    out.push_back(std::move(meta));
  }
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    for (KindMeta& meta : out) {
      if (!meta.kind->has(core::kCustomFields)) continue;
      RAPPORT_ASSIGN_OR_RETURN(meta.custom_fields, customers.list_custom_fields(meta.kind->kind));
    }
    return core::ok_status();
  }));
  return out;
}

}  // namespace rapport::services
