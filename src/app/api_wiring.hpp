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
#include "services/activity_service.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/company_service.hpp"
#include "services/contact_service.hpp"
#include "services/custom_field_service.hpp"
#include "services/meta_service.hpp"
#include "services/note_service.hpp"
#include "services/password.hpp"
#include "services/settings_service.hpp"
#include "services/team_service.hpp"
#include "services/timeline_service.hpp"
#include "services/token_service.hpp"
#include "services/user_service.hpp"
#include "services/view_service.hpp"

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

// The customer-record units of work of a database, each timed into the metrics.
class TimedUnitOfWork final : public services::UnitOfWork {
 public:
  TimedUnitOfWork(services::UnitOfWork& inner, http::Metrics& metrics)
      : inner_(inner), metrics_(metrics) {}
  core::Status write(const WriteWork& work) override;
  core::Status read(const ReadWork& work) override;
  core::Status read_history(const HistoryWork& work) override;
  core::Status purge_erased() override { return inner_.purge_erased(); }

 private:
  services::UnitOfWork& inner_;
  http::Metrics& metrics_;
};

// How `rapport serve` (or a test) sets the API up beyond its database.
struct ApiOptions {
  bool secure_cookie = false;  // the server is behind TLS
  RateLimits limits;
  // The server's argon2id cost, except in tests, which sign in hundreds of times.
  services::PasswordParams password_cost = services::kServerPasswordParams;
  // IP addresses of reverse proxies whose X-Forwarded-For names the client (http/forwarded.hpp).
  std::vector<std::string> trusted_proxies;
  // Who may read /metrics without credentials, besides loopback.
  http::AddressAllowList metrics_scrapers;
  // Where phone numbers are read while the organisation has stored no default region.
  std::string default_region = "TH";
  // The time every service reads (sessions, login throttling, stamps, token expiry). Tests pass
  // a clock they advance, so that hours of throttling or session idling take no real time.
  services::Clock clock = services::system_clock();
};

class Api {
 public:
  // `db` must outlive the Api.
  explicit Api(Database& db, ApiOptions options = {});
  http::Router& router() { return router_; }
  http::Metrics& metrics() { return metrics_; }
  services::AuthService& auth() { return auth_; }

 private:
  Database& db_;
  http::Metrics metrics_;  // before the services, which write through records_
  TimedUnitOfWork records_;
  services::PasswordHasher hasher_;
  services::AuthService auth_;
  services::ContactService contacts_;
  services::CompanyService companies_;
  services::ActivityService activities_;
  services::NoteService notes_;
  services::TimelineService timelines_;
  services::CustomFieldService custom_fields_;
  services::UserService users_;
  services::TeamService teams_;
  services::TokenService tokens_;
  services::ViewService views_;
  services::AuditService audit_;
  services::SettingsService settings_;
  services::MetaService meta_;
  http::Router router_;
};

}  // namespace rapport::app
