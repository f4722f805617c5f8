// Wiring the routes: the client address from a trusted proxy's X-Forwarded-For first, then rate
// limits (a refused request costs no database work), then
// authentication before CSRF (the CSRF check needs to know the caller came by cookie), then each
// module's routes.
#include "app/api_wiring.hpp"

#include "app/openapi_document.hpp"

#include "http/audit_routes.hpp"
#include "http/auth_middleware.hpp"
#include "http/company_routes.hpp"
#include "http/contact_routes.hpp"
#include "http/csrf.hpp"
#include "http/custom_field_routes.hpp"
#include "http/forwarded.hpp"
#include "http/note_routes.hpp"
#include "http/settings_routes.hpp"
#include "http/session_routes.hpp"
#include "http/team_routes.hpp"
#include "http/token_routes.hpp"
#include "http/user_routes.hpp"
#include "services/secret.hpp"

namespace rapport::app {

Api::Api(Database& db, bool secure_cookie, RateLimits limits,
         services::PasswordParams password_cost, std::vector<std::string> trusted_proxies,
         std::string default_region)
    : db_(db),
      hasher_(password_cost),
      auth_(db.identity(), hasher_, services::system_clock()),
      contacts_(db.records(), services::system_clock(), default_region),
      companies_(db.records(), services::system_clock(), default_region),
      notes_(db.records(), services::system_clock()),
      custom_fields_(db.records(), services::system_clock()),
      users_(db.identity(), hasher_, services::system_clock()),
      teams_(db.identity(), services::system_clock()),
      tokens_(db.identity(), services::system_clock()),
      audit_(db.identity()),
      settings_(db.records(), services::system_clock(), std::move(default_region)) {
  if (!trusted_proxies.empty()) {
    router_.use(http::forwarded_for_middleware(std::move(trusted_proxies)));
  }
  if (limits.enabled) {
    router_.use(http::rate_limit_middleware(std::make_shared<http::RateLimiter>(limits.api),
                                            std::make_shared<http::RateLimiter>(limits.login)));
  }
  router_.use(http::auth_middleware(auth_));
  router_.use(http::csrf_middleware(std::string(http::kSessionCookie),
                                    [](std::string_view cookie) -> core::Result<std::string> {
                                      return services::csrf_token_for(cookie);
                                    },
                                    {{http::Method::post, "/api/v1/session"}}));
  http::add_session_routes(router_, auth_, secure_cookie);
  http::add_contact_routes(router_, contacts_);
  http::add_company_routes(router_, companies_);
  http::add_note_routes(router_, notes_);
  http::add_custom_field_routes(router_, custom_fields_);
  http::add_user_routes(router_, users_, auth_);
  http::add_team_routes(router_, teams_);
  http::add_token_routes(router_, tokens_, auth_);
  http::add_audit_routes(router_, audit_);
  http::add_settings_routes(router_, settings_);
  router_.add_static("/api/v1/openapi.yaml", "application/yaml", std::string(openapi_document()));
  http::add_operational_routes(router_, metrics_, [this]() -> core::Status {
    return db_.identity().transact([](store::IdentityTx& tx) -> core::Status {
      return tx.count_active_admins().ok() ? core::ok_status()
                                           : core::Error::unavailable("database unreachable");
    });
  });
}

}  // namespace rapport::app
