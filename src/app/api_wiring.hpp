// The running API: services over an opened database and the router with every route and the
// middleware (authentication, CSRF). Used by `rapport serve` and by the in-process API tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/database.hpp"
#include "http/metrics.hpp"
#include "http/rate_limit.hpp"
#include "http/router.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/company_service.hpp"
#include "services/contact_service.hpp"
#include "services/custom_field_service.hpp"
#include "services/note_service.hpp"
#include "services/password.hpp"
#include "services/settings_service.hpp"
#include "services/team_service.hpp"
#include "services/token_service.hpp"
#include "services/user_service.hpp"

namespace rapport::app {

// Token buckets per client address: one for every API call, a stricter one that login draws on
// as well (it costs an argon2id verification). Generous enough that one busy client, the test
// suites and a UI are never refused; `enabled = false` lifts both (benchmarks, or a proxy in
// front that limits and hides client addresses).
struct RateLimits {
  bool enabled = true;
  http::RateLimitConfig api{.per_second = 200, .burst = 2000};
  http::RateLimitConfig login{.per_second = 1, .burst = 20};
};

class Api {
 public:
  // `db` must outlive the Api. `secure_cookie`: the server is behind TLS. `password_cost` is the
  // server's argon2id cost except in tests, which sign in hundreds of times. `trusted_proxies`:
  // IP addresses of reverse proxies whose X-Forwarded-For names the client (http/forwarded.hpp).
  // `default_region`: where phone numbers are read while the organisation has stored no default
  // region.
  Api(Database& db, bool secure_cookie, RateLimits limits = {},
      services::PasswordParams password_cost = services::kServerPasswordParams,
      std::vector<std::string> trusted_proxies = {}, std::string default_region = "TH");
  http::Router& router() { return router_; }
  http::Metrics& metrics() { return metrics_; }
  services::AuthService& auth() { return auth_; }

 private:
  Database& db_;
  services::PasswordHasher hasher_;
  services::AuthService auth_;
  services::ContactService contacts_;
  services::CompanyService companies_;
  services::NoteService notes_;
  services::CustomFieldService custom_fields_;
  services::UserService users_;
  services::TeamService teams_;
  services::TokenService tokens_;
  services::AuditService audit_;
  services::SettingsService settings_;
  http::Metrics metrics_;
  http::Router router_;
};

}  // namespace rapport::app
