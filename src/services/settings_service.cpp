// Settings use cases: read by everyone, changed by admins under an audit entry.
#include "services/settings_service.hpp"

#include <optional>

#include "core/audit_entry.hpp"
#include "core/phone.hpp"
#include "services/audit_service.hpp"

namespace rapport::services {

namespace {

constexpr std::string_view kDefaultRegion = "default_region";

core::Result<Settings> load(store::CustomerTx& customers, const std::string& fallback) {
  Settings settings;
  RAPPORT_ASSIGN_OR_RETURN(settings.default_region, default_region(customers, fallback));
  return settings;
}

}  // namespace

core::Result<std::string> default_region(store::CustomerTx& customers,
                                         const std::string& fallback) {
  RAPPORT_ASSIGN_OR_RETURN(auto stored, customers.get_setting(kDefaultRegion));
  return stored ? *stored : fallback;
}

core::Result<Settings> SettingsService::get(const Caller& caller) {
  RAPPORT_TRY(authorize(caller, core::ObjectType::kSettings, core::Action::kRead));
  std::optional<Settings> settings;
  RAPPORT_TRY(records_.read([&](store::CustomerTx& customers) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(settings, load(customers, fallback_));
    return core::ok_status();
  }));
  return std::move(*settings);
}

core::Result<Settings> SettingsService::update(const Caller& caller, const SettingsEdit& edit) {
  RAPPORT_TRY(authorize(caller, core::ObjectType::kSettings, core::Action::kUpdate));
  std::optional<Settings> updated;
  RAPPORT_TRY(records_.write([&](store::CustomerTx& customers,
                                 store::IdentityTx& identity) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(Settings before, load(customers, fallback_));
    Settings next = before;
    RAPPORT_TRY(edit(next));
    if (!core::is_phone_region(next.default_region)) {
      return core::Error::field("default_region",
                                "must be an ISO 3166 country code in upper case, such as TH");
    }
    updated = next;
    if (next.default_region == before.default_region) return core::ok_status();
    RAPPORT_TRY(customers.set_setting(kDefaultRegion, next.default_region));
    std::vector<core::FieldChange> changes{
        {std::string(kDefaultRegion), before.default_region, next.default_region}};
    return append_audit(identity, audit_actor(caller), caller.client_address, "update",
                        core::to_string(core::ObjectType::kSettings), std::nullopt,
                        core::changes_to_json(changes), clock_());
  }));
  return std::move(*updated);
}

}  // namespace rapport::services
