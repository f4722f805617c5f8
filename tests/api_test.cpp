// The JSON API end to end on both engines: authentication, CSRF, roles, record scope, optimistic
// concurrency, bad input and the naughty strings (tests/api_fixture.hpp runs the server).
#include <fstream>
#include <sstream>

#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

const std::string kAda =
    R"({"given_name":"Ada","family_name":"Lovelace","emails":[{"address":"Ada@Example.org",)"
    R"("type":"work","primary":true}],"phones":[{"number":"081-234-5678","type":"mobile",)"
    R"("primary":true}],"tags":["vip"]})";

TEST_P(ApiTest, SessionCookieNeedsTheCsrfTokenForWrites) {
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

TEST_P(ApiTest, BearerTokensAndReadOnlyRoles) {
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

TEST_P(ApiTest, SalesCannotSeeAnotherTeamsContact) {
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

TEST_P(ApiTest, SecondWriterWithAStaleVersionGets412AndNothingIsLost) {
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
  EXPECT_EQ(a.write(bhttp::verb::patch, "/api/v1/contacts/" + id, R"({"notes":"x"})").status,
            428u);
}

TEST_P(ApiTest, BadInputIsAProblemNeverA500) {
  auto admin = login("admin@example.org");
  // Each body is valid but for the one rule it names: the error must point at that field (an
  // empty field: the body as a whole), so that a body refused for another reason cannot pass.
  struct Bad {
    std::string body;
    std::string field;
  };
  const std::vector<Bad> bodies = {
      {"{", ""},
      {"[]", ""},
      {R"({"given_name":5})", "given_name"},
      {R"({"id":7,"given_name":"x"})", "id"},
      {R"({"given_name":"x","version":2})", "version"},
      {R"({"given_name":"x","nope":1})", "nope"},
      {"{\"given_name\":\"\xff\xfe\"}", ""},
      {R"({"given_name":"x","emails":[{"address":"not an email"}]})", "emails/0/address"},
      {R"({"given_name":"x","owner_id":"me"})", "owner_id"},
      {R"({"given_name":"x","custom":{"unknown":"x"}})", "custom/unknown"}};
  for (const auto& [body, field] : bodies) {
    auto reply = admin.write(bhttp::verb::post, "/api/v1/contacts", body);
    EXPECT_GE(reply.status, 400u) << body;
    EXPECT_LT(reply.status, 500u) << body;
    EXPECT_NE(std::string(reply.headers[bhttp::field::content_type]).find("problem+json"),
              std::string::npos)
        << body;
    if (field.empty()) continue;
    const auto problem = reply.json().as_object();
    ASSERT_TRUE(problem.contains("errors")) << body << " → " << reply.body;
    std::vector<std::string> fields;
    for (const auto& e : problem.at("errors").as_array()) {
      fields.emplace_back(e.at("field").as_string());
    }
    EXPECT_EQ(fields, std::vector<std::string>{field}) << body << " → " << reply.body;
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

TEST_P(ApiTest, NaughtyStringsRoundTripByteIdentical) {
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

RAPPORT_API_ENGINES(ApiTest);

}  // namespace
}  // namespace rapport::app
