// Test support, header only: a fresh empty schema in the database named by
// RAPPORT_TEST_POSTGRES_URL, dropped afterwards, so tests running in parallel never see each other.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include <unistd.h>

#include "store/postgres/pg_connection.hpp"

namespace rapport::store::postgres {

class PgTestSchema {
 public:
  // The base URL from the environment, or nullopt when PostgreSQL tests are not configured.
  static std::optional<std::string> base_url() {
    const char* url = std::getenv("RAPPORT_TEST_POSTGRES_URL");
    if (url == nullptr || *url == '\0') return std::nullopt;
    return std::string(url);
  }

  // Whether a missing URL is a failure rather than a skip: under CI=true a run that silently
  // skipped every PostgreSQL suite would pass while testing only half of the store.
  static bool required() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::string(ci) == "true";
  }

  // Creates the schema; an error when the server cannot be reached.
  static core::Result<std::unique_ptr<PgTestSchema>> create(const std::string& base) {
    static std::atomic<int> counter{0};
    std::random_device random;
    std::string name = "rapport_test_" + std::to_string(::getpid()) + "_" +
                       std::to_string(counter++) + "_" + std::to_string(random() % 1000000);
    RAPPORT_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> admin, PgConnection::connect(base));
    RAPPORT_TRY(admin->exec_script("CREATE SCHEMA " + name));
    // public stays on the path for the shared pg_trgm extension.
    std::string url = base + (base.find('?') == std::string::npos ? "?" : "&") +
                      "options=-csearch_path%3D" + name + "%2Cpublic";
    return std::unique_ptr<PgTestSchema>(new PgTestSchema(std::move(admin), name, url));
  }

  PgTestSchema(const PgTestSchema&) = delete;
  PgTestSchema& operator=(const PgTestSchema&) = delete;
  ~PgTestSchema() { (void)admin_->exec_script("DROP SCHEMA " + name_ + " CASCADE"); }

  // A URL whose connections see only this schema (and public).
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  // A connection outside the schema under test, for terminating backends and similar.
  PgConnection& admin() { return *admin_; }

 private:
  PgTestSchema(std::unique_ptr<PgConnection> admin, std::string name, std::string url)
      : admin_(std::move(admin)), name_(std::move(name)), url_(std::move(url)) {}
  std::unique_ptr<PgConnection> admin_;
  std::string name_;
  std::string url_;
};

}  // namespace rapport::store::postgres

// Declares `var`, the PostgreSQL base URL, in a test body or SetUp; without one the test is
// skipped, or fails under CI=true (PgTestSchema::required).
#define RAPPORT_POSTGRES_URL_OR_SKIP(var)                                                   \
  auto var = ::rapport::store::postgres::PgTestSchema::base_url();                          \
  if (!var) {                                                                               \
    if (::rapport::store::postgres::PgTestSchema::required()) {                             \
      FAIL() << "RAPPORT_TEST_POSTGRES_URL is not set, and CI=true requires the PostgreSQL " \
                "suites (run them through scripts/with-postgres)";                          \
    }                                                                                       \
    GTEST_SKIP() << "RAPPORT_TEST_POSTGRES_URL is not set";                                 \
  }
