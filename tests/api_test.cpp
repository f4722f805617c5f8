// The JSON API end to end: the server runs in-process on 127.0.0.1:0 against a temporary SQLite
// file, and a small Beast client checks authentication, CSRF, roles, record scope, optimistic
// concurrency, bad input and the naughty strings.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "app/api_wiring.hpp"
#include "app/cli_options.hpp"
#include "http/server.hpp"
#include "services/team_service.hpp"
#include "services/token_service.hpp"
#include "services/user_service.hpp"

namespace rapport::app {
namespace {

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

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("rapport_api_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    auto db = open_database((dir_ / "api.db").string(), SchemaMode::kMigrate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    api_ = std::make_unique<Api>(*db_, false);
    http::ServerConfig config;
    config.port = 0;
    server_ = std::make_unique<http::Server>(config, api_->router(), &api_->metrics());
    ASSERT_TRUE(server_->start().ok());
    services::TeamService teams(db_->identity(), services::system_clock());
    auto east = teams.create(operator_caller(), "East");
    auto west = teams.create(operator_caller(), "West");
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
    std::filesystem::remove_all(dir_);
  }

  void add_user(const std::string& email, core::Role role, std::optional<std::int64_t> team) {
    services::UserService users(db_->identity(), hasher_, services::system_clock());
    auto user = users.create(operator_caller(), {email, email, role, team, kPassword});
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
  services::PasswordHasher hasher_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<http::Server> server_;
};

const std::string kAda =
    R"({"given_name":"Ada","family_name":"Lovelace","emails":[{"address":"Ada@Example.org",)"
    R"("type":"work","primary":true}],"phones":[{"number":"081-234-5678","type":"mobile",)"
    R"("primary":true}],"tags":["vip"]})";

TEST_F(ApiTest, SessionCookieNeedsTheCsrfTokenForWrites) {
  auto admin = login("admin@example.org");
  auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  auto contact = created.json().as_object();
  EXPECT_EQ(contact.at("emails").as_array().at(0).as_object().at("address").as_string(),
            "ada@example.org");
  EXPECT_EQ(contact.at("phones").as_array().at(0).as_object().at("e164").as_string(),
            "+66812345678");
  EXPECT_EQ(contact.at("version").as_int64(), 1);

  EXPECT_EQ(admin.send(bhttp::verb::post, "/api/v1/contacts", kAda).status, 403u);
  EXPECT_EQ(
      admin.send(bhttp::verb::post, "/api/v1/contacts", kAda, {{"X-CSRF-Token", "forged"}}).status,
      403u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/contacts").status, 200u);

  EXPECT_EQ(admin.write(bhttp::verb::delete_, "/api/v1/session").status, 204u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/contacts").status, 401u);
}

TEST_F(ApiTest, BearerTokensAndReadOnlyRoles) {
  auto rw = with_token("admin@example.org", store::TokenScope::kReadWrite);
  EXPECT_EQ(rw.send(bhttp::verb::post, "/api/v1/contacts", kAda).status, 201u);
  auto ro_token = with_token("admin@example.org", store::TokenScope::kRead);
  EXPECT_EQ(ro_token.send(bhttp::verb::post, "/api/v1/contacts", kAda).status, 403u);
  EXPECT_EQ(ro_token.send(bhttp::verb::get, "/api/v1/contacts").status, 200u);
  auto viewer = login("viewer@example.org");
  EXPECT_EQ(viewer.write(bhttp::verb::post, "/api/v1/contacts", kAda).status, 403u);
  Client bad{server_->port(), {}, {}, "rpt_not-a-token"};
  EXPECT_EQ(bad.send(bhttp::verb::get, "/api/v1/contacts").status, 401u);
}

TEST_F(ApiTest, SalesCannotSeeAnotherTeamsContact) {
  auto east = login("east@example.org");
  auto west = login("west@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto id = std::to_string(created.json().at("id").as_int64());
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/contacts/" + id).status, 200u);
  EXPECT_EQ(west.send(bhttp::verb::get, "/api/v1/contacts/" + id).status, 404u);
  auto listed = west.send(bhttp::verb::get, "/api/v1/contacts?q=Lovelace");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_TRUE(listed.json().at("items").as_array().empty());
  EXPECT_TRUE(listed.json().at("next").is_null());
  auto own = east.send(bhttp::verb::get, "/api/v1/contacts?q=Lovelace");
  EXPECT_EQ(own.json().at("items").as_array().size(), 1u);
}

TEST_F(ApiTest, SecondWriterWithAStaleVersionGets412AndNothingIsLost) {
  auto a = login("admin@example.org");
  auto b = login("admin@example.org");
  auto created = a.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  const auto id = std::to_string(created.json().at("id").as_int64());
  const std::string etag(created.headers[bhttp::field::etag]);
  EXPECT_EQ(etag, "\"1\"");
  auto first = a.write(bhttp::verb::patch, "/api/v1/contacts/" + id, R"({"notes":"from a"})",
                       {{"If-Match", etag}});
  EXPECT_EQ(first.status, 200u) << first.body;
  auto second = b.write(bhttp::verb::patch, "/api/v1/contacts/" + id, R"({"notes":"from b"})",
                        {{"If-Match", etag}});
  EXPECT_EQ(second.status, 412u) << second.body;
  auto now = a.send(bhttp::verb::get, "/api/v1/contacts/" + id);
  EXPECT_EQ(now.json().at("notes").as_string(), "from a");
  EXPECT_EQ(a.write(bhttp::verb::patch, "/api/v1/contacts/" + id, R"({"notes":"x"})").status / 100,
            4u);
}

TEST_F(ApiTest, BadInputIsAProblemNeverA500) {
  auto admin = login("admin@example.org");
  const std::vector<std::string> bodies = {"{",
                                           "[]",
                                           R"({"given_name":5})",
                                           R"({"id":7,"given_name":"x"})",
                                           R"({"version":2})",
                                           R"({"nope":1})",
                                           "{\"given_name\":\"\xff\xfe\"}",
                                           R"({"emails":[{"address":"not an email"}]})",
                                           R"({"owner_id":"me"})",
                                           R"({"custom":{"unknown":"x"}})"};
  for (const auto& body : bodies) {
    auto reply = admin.write(bhttp::verb::post, "/api/v1/contacts", body);
    EXPECT_GE(reply.status, 400u) << body;
    EXPECT_LT(reply.status, 500u) << body;
    EXPECT_NE(std::string(reply.headers[bhttp::field::content_type]).find("problem+json"),
              std::string::npos)
        << body;
  }
  for (const std::string target :
       {"/api/v1/contacts?limit=100000", "/api/v1/contacts?limit=-1", "/api/v1/contacts?after=!!",
        "/api/v1/contacts?after=AAAA", "/api/v1/contacts?sort=password",
        "/api/v1/contacts?filter[created_at][gt]=yesterday", "/api/v1/contacts/abc",
        "/api/v1/contacts?q=%27%3B%20DROP%20TABLE%20contacts%3B--"}) {
    auto reply = admin.send(bhttp::verb::get, target);
    EXPECT_LT(reply.status, 500u) << target << " " << reply.body;
  }
}

TEST_F(ApiTest, NaughtyStringsRoundTripByteIdentical) {
  std::ifstream in(std::string(RAPPORT_SHARED_DATA) + "/naughty/blns.json");
  ASSERT_TRUE(in) << "blns.json missing";
  std::stringstream text;
  text << in.rdbuf();
  const auto strings = json::parse(text.str()).as_array();
  auto admin = with_token("admin@example.org", store::TokenScope::kReadWrite);
  int stored = 0;
  for (const auto& value : strings) {
    const std::string s(value.as_string().c_str(), value.as_string().size());
    json::object body{{"given_name", "Naughty"}, {"family_name", s}, {"notes", s}};
    auto reply = admin.send(bhttp::verb::post, "/api/v1/contacts", json::serialize(body));
    ASSERT_LT(reply.status, 500u) << s;
    if (reply.status != 201u) continue;  // a rule refused it (e.g. control characters): a 4xx
    ++stored;
    const auto id = std::to_string(reply.json().at("id").as_int64());
    auto read = admin.send(bhttp::verb::get, "/api/v1/contacts/" + id);
    ASSERT_EQ(read.status, 200u);
    EXPECT_EQ(std::string(read.json().at("notes").as_string()), s);
  }
  EXPECT_GT(stored, 400);
}

}  // namespace
}  // namespace rapport::app
