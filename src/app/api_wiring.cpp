// Wiring the routes: the client address from a trusted proxy's X-Forwarded-For first, then rate
// limits (a refused request costs no database work), then
// authentication before CSRF (the CSRF check needs to know the caller came by cookie), then each
// module's routes.
#include "app/api_wiring.hpp"

#include <chrono>

#include "app/openapi_document.hpp"

#include "http/activity_routes.hpp"
#include "http/audit_routes.hpp"
#include "http/auth_middleware.hpp"
#include "http/company_routes.hpp"
#include "http/contact_routes.hpp"
#include "http/csrf.hpp"
#include "http/custom_field_routes.hpp"
#include "http/forwarded.hpp"
#include "http/meta_routes.hpp"
#include "http/note_routes.hpp"
#include "http/session_routes.hpp"
#include "http/settings_routes.hpp"
#include "http/team_routes.hpp"
#include "http/timeline_routes.hpp"
#include "http/token_routes.hpp"
#include "http/user_routes.hpp"
#include "http/view_routes.hpp"
#include "services/secret.hpp"

namespace rapport::app {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

core::Status TimedUnitOfWork::write(const WriteWork& work) {
  const auto start = std::chrono::steady_clock::now();
  core::Status status = inner_.write(work);
  metrics_.database_work(http::DbWork::kWrite, seconds_since(start));
  return status;
}

core::Status TimedUnitOfWork::read(const ReadWork& work) {
  const auto start = std::chrono::steady_clock::now();
  core::Status status = inner_.read(work);
  metrics_.database_work(http::DbWork::kRead, seconds_since(start));
  return status;
}

core::Status TimedUnitOfWork::read_history(const HistoryWork& work) {
  const auto start = std::chrono::steady_clock::now();
  core::Status status = inner_.read_history(work);
  metrics_.database_work(http::DbWork::kRead, seconds_since(start));
  return status;
}

Api::Api(Database& db, ApiOptions options)
    : db_(db),
      records_(db.records(), metrics_),
      hasher_(options.password_cost),
      auth_(db.identity(), hasher_, options.clock),
      contacts_(records_, options.clock, options.default_region),
      companies_(records_, options.clock, options.default_region),
      activities_(records_, options.clock, options.default_region),
      notes_(records_, options.clock),
      timelines_(records_),
      custom_fields_(records_, options.clock),
      users_(db.identity(), hasher_, options.clock),
      teams_(db.identity(), options.clock),
      tokens_(db.identity(), options.clock),
      views_(db.identity(), options.clock),
      audit_(db.identity()),
      settings_(records_, options.clock, std::move(options.default_region)),
      meta_(records_) {
  if (!options.trusted_proxies.empty()) {
    router_.use(http::forwarded_for_middleware(std::move(options.trusted_proxies)));
  }
  if (options.limits.enabled) {
    router_.use(http::rate_limit_middleware(
        std::make_shared<http::RateLimiter>(options.limits.api),
        std::make_shared<http::RateLimiter>(options.limits.login),
        [this](http::LimitGroup group) { metrics_.rate_limited(group); }));
  }
  router_.use(http::auth_middleware(auth_));
  router_.use(http::csrf_middleware(std::string(http::kSessionCookie),
                                    [](std::string_view cookie) -> core::Result<std::string> {
                                      return services::csrf_token_for(cookie);
                                    },
                                    {{http::Method::post, "/api/v1/session"}}));
  http::add_session_routes(router_, auth_, options.secure_cookie, &metrics_);
  http::add_contact_routes(router_, contacts_);
  http::add_company_routes(router_, companies_);
  http::add_activity_routes(router_, activities_);
  http::add_note_routes(router_, notes_);
  http::add_timeline_routes(router_, timelines_);
  http::add_custom_field_routes(router_, custom_fields_);
  http::add_user_routes(router_, users_, auth_);
  http::add_team_routes(router_, teams_);
  http::add_token_routes(router_, tokens_, auth_);
  http::add_view_routes(router_, views_);
  http::add_audit_routes(router_, audit_);
  http::add_settings_routes(router_, settings_);
  http::add_meta_routes(router_, meta_);
  router_.add_static("/api/v1/openapi.yaml", "application/yaml", std::string(openapi_document()));
  metrics_.set_reporter([this] { return db_.pool_samples(); });
  http::add_operational_routes(
      router_, metrics_,
      [this]() -> core::Status {
        return db_.identity().transact([](store::IdentityTx& tx) -> core::Status {
          return tx.count_active_admins().ok() ? core::ok_status()
                                               : core::Error::unavailable("database unreachable");
        });
      },
      std::move(options.metrics_scrapers));
}

}  // namespace rapport::app
