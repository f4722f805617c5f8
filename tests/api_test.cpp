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

TEST_P(ApiTest, ADeadSessionCookieBlocksNeitherSignInNorSignOut) {
  const std::string credentials =
      json::serialize(json::object{{"email", "east@example.org"}, {"password", kPassword}});
  auto east = login("east@example.org");
  // The session ends (as after 30 idle minutes) while the browser keeps its cookie; a planted
  // cookie of the right shape is just as dead.
  ASSERT_TRUE(db_->identity()
                  .transact([](store::IdentityTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto user, tx.find_user_by_email("east@example.org"));
                    if (!user) return core::Error::not_found("east");
                    return tx.delete_user_sessions(user->user.id);
                  })
                  .ok());
  for (const std::string& cookie :
       {east.cookie, std::string("rapport_session=rps_") + std::string(43, 'A')}) {
    Client stale{server_->port(), cookie, {}, {}};
    // A write is refused as unauthenticated, not as a CSRF failure.
    EXPECT_EQ(stale.send(bhttp::verb::post, "/api/v1/contacts", kAda).status, 401u) << cookie;
    // Signing out without a CSRF token clears the cookie.
    auto out = stale.send(bhttp::verb::delete_, "/api/v1/session");
    EXPECT_EQ(out.status, 204u) << out.body;
    EXPECT_NE(std::string(out.headers[bhttp::field::set_cookie]).find("Max-Age=0"),
              std::string::npos);
    // Signing in without a CSRF token works and replaces the cookie.
    auto in = stale.send(bhttp::verb::post, "/api/v1/session", credentials);
    ASSERT_EQ(in.status, 201u) << in.body;
    const std::string set_cookie(in.headers[bhttp::field::set_cookie]);
    EXPECT_NE(set_cookie.substr(0, set_cookie.find(';')), cookie);
  }
  // With a live session, signing in again needs no CSRF token (a reloaded page has lost it);
  // signing out does, so that another site cannot end the session.
  auto live = login("east@example.org");
  Client without_token{server_->port(), live.cookie, {}, {}};
  EXPECT_EQ(without_token.send(bhttp::verb::post, "/api/v1/session", credentials).status, 201u);
  EXPECT_EQ(without_token.send(bhttp::verb::delete_, "/api/v1/session").status, 403u);
  EXPECT_EQ(live.write(bhttp::verb::delete_, "/api/v1/session").status, 204u);
  // The cookie lasts as long as the session can: until its absolute expiry.
  auto fresh =
      Client{server_->port(), {}, {}, {}}.send(bhttp::verb::post, "/api/v1/session", credentials);
  const std::string fresh_cookie(fresh.headers[bhttp::field::set_cookie]);
  const auto max_age = fresh_cookie.find("Max-Age=");
  ASSERT_NE(max_age, std::string::npos) << fresh_cookie;
  const long seconds = std::stol(fresh_cookie.substr(max_age + 8));
  EXPECT_LE(seconds, 12 * 3600);
  EXPECT_GE(seconds, 12 * 3600 - 60);
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

TEST_P(ApiTest, AssigningARecordToAnotherOwnerNeedsTheAssignPermission) {
  services::UserService users(db_->identity(), hasher_, services::system_clock());
  const auto east_user = users.find_by_email("east@example.org");
  const auto west_user = users.find_by_email("west@example.org");
  ASSERT_TRUE(east_user.ok() && west_user.ok());
  add_user("support@example.org", core::Role::kSupport, std::nullopt);
  add_user("marketing@example.org", core::Role::kMarketing, std::nullopt);
  add_user("manager@example.org", core::Role::kManager, east_user->team_id);
  const std::string east_id = std::to_string(east_user->id);
  const std::string west_id = std::to_string(west_user->id);
  const std::string west_team = std::to_string(*west_user->team_id);

  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string path = "/api/v1/contacts/" + std::to_string(created.json().at("id").as_int64());
  auto version = created.json().at("version").as_int64();
  const auto patch = [&](const Client& c, const std::string& body) {
    auto reply = c.write(bhttp::verb::patch, path, body,
                         {{"If-Match", "\"" + std::to_string(version) + "\""}});
    if (reply.status == 200u) version = reply.json().at("version").as_int64();
    return reply;
  };
  const auto owner = [&] {
    return east.send(bhttp::verb::get, path).json().at("owner_id").as_int64();
  };

  // Support and marketing update every contact but hand none to another owner or team.
  for (const char* email : {"support@example.org", "marketing@example.org"}) {
    auto c = login(email);
    EXPECT_EQ(patch(c, R"({"owner_id":)" + west_id + "}").status, 403u) << email;
    EXPECT_EQ(patch(c, R"({"team_id":)" + west_team + "}").status, 403u) << email;
    EXPECT_EQ(owner(), east_user->id) << email;
    // Editing, and sending the current owner back unchanged, are not assignments.
    auto edited = patch(c, R"({"given_name":"Augusta","owner_id":)" + east_id + "}");
    EXPECT_EQ(edited.status, 200u) << email << " " << edited.body;
  }
  auto marketing = login("marketing@example.org");
  EXPECT_EQ(marketing
                .write(bhttp::verb::post, "/api/v1/contacts",
                       R"({"given_name":"Lead","owner_id":)" + west_id + "}")
                .status,
            403u);
  auto own_lead =
      marketing.write(bhttp::verb::post, "/api/v1/contacts", R"({"given_name":"Lead"})");
  ASSERT_EQ(own_lead.status, 201u) << own_lead.body;
  EXPECT_EQ(own_lead.json().at("owner_id").as_int64(),
            users.find_by_email("marketing@example.org")->id);

  // The owner's own rules are intact: a sales person gives nothing away either.
  EXPECT_EQ(patch(east, R"({"owner_id":)" + west_id + "}").status, 403u);
  // A manager assigns within their team only; an admin to anyone.
  auto manager = login("manager@example.org");
  EXPECT_EQ(patch(manager, R"({"owner_id":)" + west_id + "}").status, 403u);
  const auto manager_id = users.find_by_email("manager@example.org")->id;
  EXPECT_EQ(patch(manager, R"({"owner_id":)" + std::to_string(manager_id) + "}").status, 200u);
  EXPECT_EQ(patch(manager, R"({"owner_id":)" + east_id + "}").status, 200u);
  auto admin = login("admin@example.org");
  EXPECT_EQ(patch(admin, R"({"owner_id":)" + west_id + ",\"team_id\":" + west_team + "}").status,
            200u);
  EXPECT_EQ(admin.send(bhttp::verb::get, path).json().at("owner_id").as_int64(), west_user->id);
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
