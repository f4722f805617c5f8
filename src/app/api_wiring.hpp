// The running API: services over an opened database and the router with every route and the
// middleware (authentication, CSRF). Used by `rapport serve` and by the in-process API tests.
#pragma once

#include <memory>

#include "app/database.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "services/auth_service.hpp"
#include "services/company_service.hpp"
#include "services/contact_service.hpp"
#include "services/custom_field_service.hpp"
#include "services/note_service.hpp"
#include "services/password.hpp"

namespace rapport::app {

class Api {
 public:
  // `db` must outlive the Api. `secure_cookie`: the server is behind TLS.
  Api(Database& db, bool secure_cookie);
  http::Router& router() { return router_; }
  http::Metrics& metrics() { return metrics_; }

 private:
  Database& db_;
  services::PasswordHasher hasher_;
  services::AuthService auth_;
  services::ContactService contacts_;
  services::CompanyService companies_;
  services::NoteService notes_;
  services::CustomFieldService custom_fields_;
  http::Metrics metrics_;
  http::Router router_;
};

}  // namespace rapport::app
