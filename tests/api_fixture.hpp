// The in-process API harness shared by the tests/api_*_test.cpp files: the server runs on
// 127.0.0.1:0 against a temporary SQLite file or a throwaway PostgreSQL schema (the test's
// parameter; skipped without RAPPORT_TEST_POSTGRES_URL), with two teams and four users, and a
// small Beast client signs in by session cookie or bearer token.
#pragma once

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>

#include <algorithm>
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
#include "http/server.hpp"
#include "services/caller.hpp"
#include "services/team_service.hpp"
#include "services/token_service.hpp"
#include "services/user_service.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::app::api_harness {

// argon2id at libsodium's minimum cost: every test process signs in several times, and the
// server's cost (kServerPasswordParams) would spend most of the suite's time hashing. The cost
// itself is tested in services/password_test.cpp.
inline constexpr services::PasswordParams kTestPasswordCost{crypto_pwhash_OPSLIMIT_MIN,
                                                            crypto_pwhash_MEMLIMIT_MIN};

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace json = boost::json;
using tcp = boost::asio::ip::tcp;

struct Reply {
  unsigned status = 0;
  std::string body;
  bhttp::fields headers;
  json::value json() const { return json::parse(body); }
};

struct Client {
  std::uint16_t port = 0;
  std::string cookie;
  std::string csrf;
  std::string bearer;

  Reply send(bhttp::verb method, const std::string& target, const std::string& body = {},
             const std::vector<std::pair<std::string, std::string>>& extra = {}) const {
    boost::asio::io_context io;
    tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    bhttp::request<bhttp::string_body> req{method, target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    if (!cookie.empty()) req.set(bhttp::field::cookie, cookie);
    if (!bearer.empty()) req.set(bhttp::field::authorization, "Bearer " + bearer);
    for (const auto& [k, v] : extra) req.set(k, v);
    if (!body.empty()) {
      if (req.find(bhttp::field::content_type) == req.end())
        req.set(bhttp::field::content_type, "application/json");
      req.body() = body;
    }
    req.prepare_payload();
    bhttp::write(socket, req);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> res;
    bhttp::read(socket, buffer, res);
    Reply reply{res.result_int(), res.body(), {}};
    for (const auto& h : res) reply.headers.set(h.name_string(), h.value());
    return reply;
  }
  // An unsafe request from a signed-in browser: the CSRF token goes along.
  Reply write(bhttp::verb method, const std::string& target, const std::string& body = {},
              std::vector<std::pair<std::string, std::string>> extra = {}) const {
    if (!csrf.empty()) extra.emplace_back("X-CSRF-Token", csrf);
    return send(method, target, body, extra);
  }
};

// The id and ETag of a created or read record, as the tests put them into the next request.
inline std::string id_of(const Reply& reply) {
  return std::to_string(reply.json().at("id").as_int64());
}
inline std::string etag_of(const Reply& reply) {
  return std::string(reply.headers[bhttp::field::etag]);
}

// The `field` of every per-field error of a problem reply, in the reply's order.
inline std::vector<std::string> error_fields(const Reply& reply) {
  std::vector<std::string> out;
  const json::value parsed = reply.json();
  if (const auto* errors = parsed.as_object().if_contains("errors")) {
    for (const auto& e : errors->as_array()) {
      out.emplace_back(e.as_object().at("field").as_string().c_str());
    }
  }
  return out;
}

class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string location;
    if (GetParam() == "postgresql") {
      RAPPORT_POSTGRES_URL_OR_SKIP(base);
      auto schema = store::postgres::PgTestSchema::create(*base);
      ASSERT_TRUE(schema.ok()) << schema.error().message;
      schema_ = std::move(schema).value();
      location = schema_->url();
    } else {
      std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      std::replace(name.begin(), name.end(), '/', '_');
      dir_ = std::filesystem::temp_directory_path() /
             ("rapport_api_" + name + "_" + std::to_string(::getpid()));
      std::filesystem::remove_all(dir_);
      location = (dir_ / "api.db").string();
    }
    auto db = open_database(location, SchemaMode::kMigrate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    ApiOptions options;
    options.password_cost = kTestPasswordCost;
    adjust(options);
    api_ = std::make_unique<Api>(*db_, options);
    http::ServerConfig config;
    config.port = 0;
    server_ = std::make_unique<http::Server>(config, api_->router(), &api_->metrics());
    ASSERT_TRUE(server_->start().ok());
    services::TeamService teams(db_->identity(), services::system_clock());
    auto east = teams.create(services::console_caller(), "East");
    auto west = teams.create(services::console_caller(), "West");
    ASSERT_TRUE(east.ok() && west.ok());
    add_user("admin@example.org", core::Role::kAdmin, std::nullopt);
    add_user("east@example.org", core::Role::kSales, east->id);
    add_user("west@example.org", core::Role::kSales, west->id);
    add_user("viewer@example.org", core::Role::kReadOnly, std::nullopt);
  }
  void TearDown() override {
    if (server_) server_->stop();
    server_.reset();
    api_.reset();
    db_.reset();
    schema_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // A suite's changes to the API's options, e.g. no rate limits for one sending thousands.
  virtual void adjust(ApiOptions&) {}

  // The audit entries about records of `type` (only record `id`, when given), newest first.
  std::vector<core::AuditEntry> audit_entries(const std::string& type, const std::string& id = {}) {
    store::AuditQuery query;
    query.object_type = type;
    if (!id.empty()) query.object_id = std::stoll(id);
    query.limit = 500;
    std::vector<core::AuditEntry> entries;
    auto status = db_->identity().transact([&](store::IdentityTx& tx) -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(entries, tx.list_audit(query));
      return core::ok_status();
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return entries;
  }

  void add_user(const std::string& email, core::Role role, std::optional<std::int64_t> team) {
    services::UserService users(db_->identity(), hasher_, services::system_clock());
    auto user = users.create(services::console_caller(), {email, email, role, team, kPassword});
    ASSERT_TRUE(user.ok()) << user.error().message;
  }

  Client login(const std::string& email) {
    Client c{server_->port(), {}, {}, {}};
    json::object body{{"email", email}, {"password", kPassword}};
    auto reply = c.send(bhttp::verb::post, "/api/v1/session", json::serialize(body));
    EXPECT_EQ(reply.status, 201u) << reply.body;
    std::string set_cookie(reply.headers[bhttp::field::set_cookie]);
    c.cookie = set_cookie.substr(0, set_cookie.find(';'));
    c.csrf = json::value_to<std::string>(reply.json().at("csrf_token"));
    return c;
  }

  Client with_token(const std::string& email, store::TokenScope scope) {
    services::UserService users(db_->identity(), hasher_, services::system_clock());
    auto user = users.find_by_email(email);
    EXPECT_TRUE(user.ok());
    services::Caller caller{user->id, user->role, user->team_id, false, "test"};
    services::TokenService tokens(db_->identity(), services::system_clock());
    auto token = tokens.create(caller, "test", scope, std::nullopt);
    EXPECT_TRUE(token.ok());
    return Client{server_->port(), {}, {}, token->secret};
  }

  static constexpr const char* kPassword = "correct horse battery";
  std::filesystem::path dir_;
  std::unique_ptr<store::postgres::PgTestSchema> schema_;
  services::PasswordHasher hasher_{kTestPasswordCost};
  std::unique_ptr<Database> db_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<http::Server> server_;
};

// `text` percent-encoded for a query string (every byte but unreserved ASCII).
inline std::string percent_encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Runs a suite's TEST_P cases on every engine.
#define RAPPORT_API_ENGINES(suite) \
  INSTANTIATE_TEST_SUITE_P(Engines, suite, ::testing::Values("sqlite", "postgresql"))

}  // namespace rapport::app::api_harness
