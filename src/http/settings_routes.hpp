// The organisation's settings API: GET /api/v1/settings (every signed-in user) and PATCH it
// (admins; audited) with {"default_region": "NL"}.
#pragma once

#include "http/router.hpp"
#include "services/settings_service.hpp"

namespace rapport::http {

void add_settings_routes(Router& router, services::SettingsService& settings);

}  // namespace rapport::http
