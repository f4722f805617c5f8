// The organisation's settings as use cases: every signed-in user reads them, admins change them
// (audited); and the default region in which phone numbers without a country code are read.
#pragma once

#include <functional>
#include <string>

#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/unit_of_work.hpp"
#include "store/store.hpp"

namespace rapport::services {

struct Settings {
  std::string default_region;  // ISO 3166 alpha-2 ("TH")
};

// The stored default region, or `fallback` (`rapport serve --default-region`) while no admin
// has set one.
core::Result<std::string> default_region(store::CustomerTx& customers, const std::string& fallback);

using SettingsEdit = std::function<core::Status(Settings&)>;

class SettingsService {
 public:
  SettingsService(UnitOfWork& records, Clock clock, std::string fallback_region)
      : records_(records), clock_(std::move(clock)), fallback_(std::move(fallback_region)) {}

  // The settings in effect; any signed-in caller.
  core::Result<Settings> get(const Caller& caller);

  // Admins only (kForbidden otherwise): applies `edit`, checks the result (kInvalid with field
  // errors, e.g. an unknown region), stores it and audits the change as an "update" of
  // "settings". Stored numbers are not read again: a new default applies to later writes.
  core::Result<Settings> update(const Caller& caller, const SettingsEdit& edit);

 private:
  UnitOfWork& records_;
  Clock clock_;
  std::string fallback_;
};

}  // namespace rapport::services
