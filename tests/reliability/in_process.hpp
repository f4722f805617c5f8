// The API without sockets, for the reliability harnesses that send thousands of requests: a
// database on either engine (SQLite file or throwaway PostgreSQL schema), the Api over it with a
// clock the harness moves, and requests dispatched through the router exactly as the server does
// after parsing (middleware, route match, handler).
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <sodium.h>
#include <unistd.h>

#include "app/api_wiring.hpp"
#include "app/database.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::reliability {

namespace json = boost::json;
using http::Method;

// argon2id at libsodium's minimum cost (the server's cost is tested in services/password_test).
inline constexpr services::PasswordParams kTestPasswordCost{crypto_pwhash_OPSLIMIT_MIN,
                                                            crypto_pwhash_MEMLIMIT_MIN};

struct Reply {
  unsigned status = 0;
  std::string body;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  json::value json() const { return json::parse(body); }
  std::string header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (std::equal(k.begin(), k.end(), name.begin(), name.end(),
                     [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
        return v;
    }
    return {};
  }
};

// A time the harness sets; starts at the real time so that timestamps look ordinary.
struct ManualClock {
  std::shared_ptr<std::atomic<std::int64_t>> now = std::make_shared<std::atomic<std::int64_t>>(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())
          .time_since_epoch()
          .count());
  services::Clock function() const {
    return [now = now] { return std::chrono::sys_seconds(std::chrono::seconds(now->load())); };
  }
  void advance(std::chrono::seconds by) { *now += by.count(); }
};

// One engine's database with an Api over it.
class Harness {
 public:
  // Opens a fresh database on `engine` ("sqlite" or "postgresql"); the error says why not.
  std::string open(const std::string& engine, const std::string& name, app::ApiOptions options) {
    std::string location;
    engine_ = engine;
    if (engine == "postgresql") {
      auto base = store::postgres::PgTestSchema::base_url();
      if (!base) return "RAPPORT_TEST_POSTGRES_URL is not set";
      auto schema = store::postgres::PgTestSchema::create(*base);
      if (!schema.ok()) return schema.error().message;
      schema_ = std::move(schema).value();
      location = schema_->url();
    } else {
      // In memory where the machine has it: these harnesses test authorization and throttling,
      // not durability, and an fsync per write would be most of their time.
      const std::filesystem::path shm = "/dev/shm";
      dir_ = (std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path()) /
             ("rapport_" + name + "_" + std::to_string(::getpid()));
      std::filesystem::remove_all(dir_);
      location = (dir_ / "rapport.db").string();
    }
    location_ = location;
    auto db = app::open_database(location, app::SchemaMode::kMigrate);
    if (!db.ok()) return db.error().message;
    db_ = std::move(*db);
    options.password_cost = kTestPasswordCost;
    options.clock = clock.function();
    api_ = std::make_unique<app::Api>(*db_, std::move(options));
    return {};
  }

  ~Harness() {
    api_.reset();
    db_.reset();
    schema_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Dispatches one request as the server would after reading it from `client_address`.
  Reply send(Method method, const std::string& target, const std::string& body = {},
             const std::vector<std::pair<std::string, std::string>>& headers = {},
             const std::string& client_address = "192.0.2.10") {
    http::Request request;
    request.method = method;
    request.target = target;
    request.client_address = client_address;
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = target.substr(question + 1);
    for (const auto& [k, v] : headers) request.headers.set(k, v);
    if (!body.empty() && request.headers.find("Content-Type") == request.headers.end())
      request.headers.set("Content-Type", "application/json");
    request.body = body;
    const auto match = api_->router().match(method, http::split_path(request.path));
    http::Response response =
        match.route ? (request.route_pattern = match.route->pattern,
                       request.options = match.route->options, request.path_params = match.params,
                       api_->router().dispatch(*match.route, request))
                    : http::no_route_response(match);
    Reply reply{static_cast<unsigned>(response.status()), response.body(),
                response.content_type(), response.headers()};
    return reply;
  }

  app::Database& db() { return *db_; }
  app::Api& api() { return *api_; }
  const std::string& engine() const { return engine_; }
  const std::string& location() const { return location_; }
  store::postgres::PgTestSchema* schema() { return schema_.get(); }

  ManualClock clock;

 private:
  std::string engine_;
  std::string location_;
  std::filesystem::path dir_;
  std::unique_ptr<store::postgres::PgTestSchema> schema_;
  std::unique_ptr<app::Database> db_;
  std::unique_ptr<app::Api> api_;
};

// Opens `harness` on the test's engine: a skip without a PostgreSQL URL, a failure under CI=true
// (see RAPPORT_POSTGRES_URL_OR_SKIP).
#define RAPPORT_OPEN_HARNESS(harness, engine, name, options)                              \
  do {                                                                                    \
    if ((engine) == "postgresql" && !::rapport::store::postgres::PgTestSchema::base_url()) { \
      RAPPORT_POSTGRES_URL_OR_SKIP(url_);                                                 \
    }                                                                                     \
    const std::string why_ = (harness).open((engine), (name), (options));                 \
    ASSERT_TRUE(why_.empty()) << why_;                                                    \
  } while (0)

}  // namespace rapport::reliability
