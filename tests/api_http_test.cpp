// HTTP conventions of the API on both engines: JSON bodies only (415), If-Match required (428) and
// `*`, If-None-Match (304), JSON Pointer field paths in errors, HEAD on the health endpoints.
#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

const std::string kGrace = R"({"given_name":"Grace","family_name":"Hopper","tags":["navy"]})";

class ApiHttpTest : public ApiTest {
 protected:
  // A contact made by the admin; its id as text.
  std::string create_contact(const Client& admin) {
    auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", kGrace);
    EXPECT_EQ(created.status, 201u) << created.body;
    return std::to_string(created.json().at("id").as_int64());
  }
};

TEST_P(ApiHttpTest, SignInAndWritesTakeOnlyJsonBodies) {
  Client anonymous{server_->port(), {}, {}, {}};
  const std::string form = "email=admin%40example.org&password=correct+horse+battery";
  for (const char* type : {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data"}) {
    auto refused =
        anonymous.send(bhttp::verb::post, "/api/v1/session", form, {{"Content-Type", type}});
    EXPECT_EQ(refused.status, 415u) << type << " " << refused.body;
    EXPECT_EQ(refused.headers[bhttp::field::content_type], "application/problem+json");
    EXPECT_TRUE(refused.headers[bhttp::field::set_cookie].empty()) << type;
  }
  // Even a JSON text is refused when it is not declared as JSON (a form can send text/plain).
  const std::string credentials =
      R"({"email":"admin@example.org","password":"correct horse battery"})";
  EXPECT_EQ(anonymous
                .send(bhttp::verb::post, "/api/v1/session", credentials,
                      {{"Content-Type", "text/plain"}})
                .status,
            415u);
  EXPECT_EQ(anonymous
                .send(bhttp::verb::post, "/api/v1/session", credentials,
                      {{"Content-Type", "application/json; charset=utf-8"}})
                .status,
            201u);

  auto admin = with_token("admin@example.org", store::TokenScope::kReadWrite);
  EXPECT_EQ(admin.send(bhttp::verb::post, "/api/v1/contacts", kGrace,
                       {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            415u);
  const auto listed = admin.send(bhttp::verb::get, "/api/v1/contacts");
  EXPECT_TRUE(listed.json().at("items").as_array().empty()) << listed.body;
}

TEST_P(ApiHttpTest, WritesWithoutIfMatchAre428) {
  auto admin = with_token("admin@example.org", store::TokenScope::kReadWrite);
  const std::string path = "/api/v1/contacts/" + create_contact(admin);
  auto patched = admin.send(bhttp::verb::patch, path, R"({"notes":"x"})");
  EXPECT_EQ(patched.status, 428u) << patched.body;
  EXPECT_EQ(patched.headers[bhttp::field::content_type], "application/problem+json");
  EXPECT_EQ(admin.send(bhttp::verb::delete_, path).status, 428u);
  EXPECT_EQ(admin.send(bhttp::verb::get, path).json().at("version").as_int64(), 1);

  auto team = admin.send(bhttp::verb::post, "/api/v1/teams", R"({"name":"North"})");
  ASSERT_EQ(team.status, 201u) << team.body;
  const std::string team_path = "/api/v1/teams/" + std::to_string(team.json().at("id").as_int64());
  EXPECT_EQ(admin.send(bhttp::verb::patch, team_path, R"({"name":"South"})").status, 428u);
  EXPECT_EQ(admin.send(bhttp::verb::delete_, team_path).status, 428u);
}

TEST_P(ApiHttpTest, IfMatchStarMatchesTheCurrentVersion) {
  auto admin = with_token("admin@example.org", store::TokenScope::kReadWrite);
  const std::string id = create_contact(admin);
  const std::string path = "/api/v1/contacts/" + id;
  auto first = admin.send(bhttp::verb::patch, path, R"({"notes":"one"})", {{"If-Match", "*"}});
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(first.headers[bhttp::field::etag], "\"2\"");
  auto second = admin.send(bhttp::verb::patch, path, R"({"notes":"two"})", {{"If-Match", "*"}});
  EXPECT_EQ(second.status, 200u) << second.body;
  EXPECT_EQ(second.json().at("notes").as_string(), "two");
  EXPECT_EQ(admin.send(bhttp::verb::delete_, path, {}, {{"If-Match", "*"}}).status, 204u);
  auto restored = admin.send(bhttp::verb::post, path + "/restore", {}, {{"If-Match", "*"}});
  EXPECT_EQ(restored.status, 200u) << restored.body;
  // No current representation: the answer without the condition (404) stands.
  EXPECT_EQ(admin.send(bhttp::verb::patch, "/api/v1/contacts/999999", R"({"notes":"x"})",
                       {{"If-Match", "*"}})
                .status,
            404u);
  // Another team's contact stays hidden behind `*` too.
  auto west = with_token("west@example.org", store::TokenScope::kReadWrite);
  EXPECT_EQ(west.send(bhttp::verb::patch, path, R"({"notes":"x"})", {{"If-Match", "*"}}).status,
            404u);
}

TEST_P(ApiHttpTest, IfNoneMatchWithTheCurrentTagIs304) {
  auto admin = with_token("admin@example.org", store::TokenScope::kReadWrite);
  const std::string path = "/api/v1/contacts/" + create_contact(admin);
  auto read = admin.send(bhttp::verb::get, path);
  const std::string etag(read.headers[bhttp::field::etag]);
  ASSERT_EQ(etag, "\"1\"");
  auto same = admin.send(bhttp::verb::get, path, {}, {{"If-None-Match", etag}});
  EXPECT_EQ(same.status, 304u);
  EXPECT_TRUE(same.body.empty());
  EXPECT_EQ(same.headers[bhttp::field::etag], etag);
  EXPECT_EQ(admin.send(bhttp::verb::get, path, {}, {{"If-None-Match", "\"7\", " + etag}}).status,
            304u);
  EXPECT_EQ(admin.send(bhttp::verb::get, path, {}, {{"If-None-Match", "W/" + etag}}).status, 304u);
  EXPECT_EQ(admin.send(bhttp::verb::get, path, {}, {{"If-None-Match", "*"}}).status, 304u);
  auto changed = admin.send(bhttp::verb::get, path, {}, {{"If-None-Match", "\"7\""}});
  EXPECT_EQ(changed.status, 200u);
  EXPECT_FALSE(changed.body.empty());
}

TEST_P(ApiHttpTest, FieldPathsInErrorsAreJsonPointers) {
  auto admin = with_token("admin@example.org", store::TokenScope::kReadWrite);
  auto reply = admin.send(bhttp::verb::post, "/api/v1/contacts",
                          R"({"given_name":"Ann","tags":["ok",5],"emails":[7]})");
  ASSERT_EQ(reply.status, 422u) << reply.body;
  std::vector<std::string> fields;
  const json::value problem = reply.json();
  for (const auto& e : problem.at("errors").as_array())
    fields.emplace_back(e.at("field").as_string());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "tags/1"), fields.end()) << reply.body;
  EXPECT_NE(std::find(fields.begin(), fields.end(), "emails/0"), fields.end()) << reply.body;
  // A key holding '/' or '~' is escaped once, as RFC 6901 says.
  auto custom = admin.send(bhttp::verb::post, "/api/v1/contacts",
                           R"({"given_name":"Ann","custom":{"a/b~c":[1]}})");
  EXPECT_NE(custom.body.find("custom/a~1b~0c"), std::string::npos) << custom.body;
}

TEST_P(ApiHttpTest, HeadOnTheHealthEndpoints) {
  for (const char* path : {"/healthz", "/readyz"}) {
    boost::asio::io_context io;
    tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), server_->port()});
    const std::string get = std::string("GET ") + path + " HTTP/1.1\r\nHost: t\r\n\r\n";
    const std::string head = std::string("HEAD ") + path + " HTTP/1.1\r\nHost: t\r\n\r\n";
    boost::asio::write(socket, boost::asio::buffer(head + get));
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> head_reply;
    head_reply.skip(true);  // a HEAD answer has no body, whatever its Content-Length says
    bhttp::read(socket, buffer, head_reply);
    bhttp::response<bhttp::string_body> get_reply;
    bhttp::read(socket, buffer, get_reply);
    EXPECT_EQ(head_reply.get().result_int(), 200u) << path;
    EXPECT_TRUE(head_reply.get().body().empty()) << path;
    EXPECT_EQ(get_reply.result_int(), 200u) << path;
    EXPECT_EQ(head_reply.get()[bhttp::field::content_length],
              std::to_string(get_reply.body().size()))
        << path;
    EXPECT_EQ(head_reply.get()[bhttp::field::content_type],
              get_reply[bhttp::field::content_type])
        << path;
  }
}

RAPPORT_API_ENGINES(ApiHttpTest);

}  // namespace
}  // namespace rapport::app
