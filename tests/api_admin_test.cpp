// The admin API end to end on both engines: users, teams, API tokens and the audit log through
// HTTP, password changes revoking sessions, unlocking, and rate limits (tests/api_fixture.hpp
// runs the server).
#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

constexpr const char* kNewPassword = "a much better passphrase";

class AdminApi : public ApiTest {
 protected:
  std::int64_t user_id(const std::string& email) {
    services::UserService users(db_->identity(), hasher_, services::system_clock());
    auto user = users.find_by_email(email);
    EXPECT_TRUE(user.ok()) << email;
    return user.ok() ? user->id : 0;
  }

  Reply login_with(const std::string& email, const std::string& password) {
    Client c{server_->port(), {}, {}, {}};
    json::object body{{"email", email}, {"password", password}};
    return c.send(bhttp::verb::post, "/api/v1/session", json::serialize(body));
  }

  static std::string etag(const Reply& reply) {
    return std::string(reply.headers[bhttp::field::etag]);
  }
  static json::array items(const Reply& reply) { return reply.json().at("items").as_array(); }
};

TEST_P(AdminApi, AdminCreatesUsersAndTeamsWhileSalesIsRefused) {
  auto admin = login("admin@example.org");
  auto team = admin.write(bhttp::verb::post, "/api/v1/teams", R"({"name":"North"})");
  ASSERT_EQ(team.status, 201u) << team.body;
  const auto team_id = team.json().at("id").as_int64();
  EXPECT_EQ(etag(team), "\"1\"");

  json::object draft{{"email", "Nok@Example.org"},
                     {"display_name", "นก"},
                     {"role", "sales"},
                     {"team_id", team_id},
                     {"password", kNewPassword}};
  auto created = admin.write(bhttp::verb::post, "/api/v1/users", json::serialize(draft));
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto user = created.json().as_object();
  EXPECT_EQ(user.at("email").as_string(), "nok@example.org");
  EXPECT_EQ(user.at("role").as_string(), "sales");
  EXPECT_EQ(user.at("team_id").as_int64(), team_id);
  EXPECT_FALSE(user.contains("password"));
  EXPECT_EQ(created.body.find(kNewPassword), std::string::npos);
  EXPECT_EQ(login_with("nok@example.org", kNewPassword).status, 201u);
  EXPECT_EQ(admin.write(bhttp::verb::post, "/api/v1/users", json::serialize(draft)).status, 409u);

  auto sales = login("east@example.org");
  const auto id = std::to_string(user.at("id").as_int64());
  draft["email"] = "other@example.org";
  EXPECT_EQ(sales.write(bhttp::verb::post, "/api/v1/users", json::serialize(draft)).status, 403u);
  EXPECT_EQ(sales.write(bhttp::verb::post, "/api/v1/teams", R"({"name":"South"})").status, 403u);
  EXPECT_EQ(sales
                .write(bhttp::verb::patch, "/api/v1/users/" + id, R"({"role":"admin"})",
                       {{"If-Match", "\"1\""}})
                .status,
            403u);
  EXPECT_EQ(sales
                .write(bhttp::verb::patch, "/api/v1/teams/" + std::to_string(team_id),
                       R"({"name":"Mine"})", {{"If-Match", "\"1\""}})
                .status,
            403u);
  EXPECT_EQ(sales.write(bhttp::verb::post, "/api/v1/users/" + id + "/unlock").status, 403u);
  EXPECT_EQ(sales
                .write(bhttp::verb::post, "/api/v1/users/" + id + "/password",
                       json::serialize(json::object{{"password", "taken over now"}}))
                .status,
            403u);
  EXPECT_EQ(sales.send(bhttp::verb::get, "/api/v1/audit").status, 403u);
  // Every role reads the directory of users and teams (owners and team scope need it).
  EXPECT_EQ(sales.send(bhttp::verb::get, "/api/v1/users/" + id).status, 200u);
  EXPECT_EQ(items(sales.send(bhttp::verb::get, "/api/v1/teams")).size(), 3u);
  auto me = sales.send(bhttp::verb::get, "/api/v1/me");
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(me.json().at("email").as_string(), "east@example.org");
  const Client anonymous{server_->port(), {}, {}, {}};
  EXPECT_EQ(anonymous.send(bhttp::verb::get, "/api/v1/me").status, 401u);
}

TEST_P(AdminApi, EveryUserSetsTheirOwnLanguageAndTimeZone) {
  auto viewer = login("viewer@example.org");
  auto me = viewer.send(bhttp::verb::get, "/api/v1/me");
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_TRUE(me.json().at("language").is_null());
  EXPECT_TRUE(me.json().at("time_zone").is_null());
  const std::string body = R"({"language":"zh-hant","time_zone":"Asia/Bangkok"})";
  EXPECT_EQ(viewer.write(bhttp::verb::patch, "/api/v1/me", body).status, 428u);
  auto set = viewer.write(bhttp::verb::patch, "/api/v1/me", body, {{"If-Match", etag(me)}});
  ASSERT_EQ(set.status, 200u) << set.body;
  EXPECT_EQ(set.json().at("language").as_string(), "zh-Hant");
  EXPECT_EQ(set.json().at("time_zone").as_string(), "Asia/Bangkok");
  EXPECT_EQ(viewer.send(bhttp::verb::get, "/api/v1/me").json().at("language").as_string(),
            "zh-Hant");
  // What they read before is stale now.
  EXPECT_EQ(viewer.write(bhttp::verb::patch, "/api/v1/me", body, {{"If-Match", etag(me)}}).status,
            412u);

  auto refused = viewer.write(bhttp::verb::patch, "/api/v1/me",
                              R"({"language":"tlh","time_zone":"Mars/Olympus_Mons"})",
                              {{"If-Match", etag(set)}});
  ASSERT_EQ(refused.status, 422u) << refused.body;
  const auto errors = refused.json().at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u) << refused.body;
  EXPECT_EQ(errors[0].at("field").as_string(), "language");
  EXPECT_EQ(errors[1].at("field").as_string(), "time_zone");
  // Only preferences: the role and the rest stay an admin's.
  EXPECT_EQ(
      viewer
          .write(bhttp::verb::patch, "/api/v1/me", R"({"role":"admin"})", {{"If-Match", etag(set)}})
          .status,
      422u);
  auto cleared = viewer.write(bhttp::verb::patch, "/api/v1/me", R"({"language":null})",
                              {{"If-Match", etag(set)}});
  ASSERT_EQ(cleared.status, 200u) << cleared.body;
  EXPECT_TRUE(cleared.json().at("language").is_null());
  EXPECT_EQ(cleared.json().at("time_zone").as_string(), "Asia/Bangkok");
  EXPECT_EQ(cleared.json().at("role").as_string(), "read_only");

  const auto entries = audit_entries("users", std::to_string(user_id("viewer@example.org")));
  ASSERT_FALSE(entries.empty());
  EXPECT_NE(entries.front().changes_json.find("\"language\""), std::string::npos);

  auto read_token = with_token("viewer@example.org", store::TokenScope::kRead);
  EXPECT_EQ(read_token
                .write(bhttp::verb::patch, "/api/v1/me", R"({"language":"th"})",
                       {{"If-Match", etag(cleared)}})
                .status,
            403u);
}

TEST_P(AdminApi, UsersAndTeamsPageAndRefuseBadInput) {
  auto admin = login("admin@example.org");
  auto first = admin.send(bhttp::verb::get, "/api/v1/users?limit=3");
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(items(first).size(), 3u);
  const auto next = first.json().at("next");
  ASSERT_TRUE(next.is_string());
  auto rest =
      admin.send(bhttp::verb::get, "/api/v1/users?limit=3&after=" + std::string(next.as_string()));
  ASSERT_EQ(rest.status, 200u) << rest.body;
  ASSERT_EQ(items(rest).size(), 1u);
  EXPECT_EQ(items(rest)[0].at("email").as_string(), "viewer@example.org");
  EXPECT_TRUE(rest.json().at("next").is_null());

  for (const std::string& target : std::vector<std::string>{
           "/api/v1/users?limit=0", "/api/v1/users?limit=501", "/api/v1/users?after=!!",
           "/api/v1/users?after=AAAA", "/api/v1/users?sort=email", "/api/v1/users?limit=1&limit=2",
           "/api/v1/tokens?user_id=me", "/api/v1/audit?from=yesterday",
           "/api/v1/audit?object_id=-1", "/api/v1/audit?after=" + std::string(next.as_string())}) {
    auto reply = admin.send(bhttp::verb::get, target);
    EXPECT_EQ(reply.status, 422u) << target << " " << reply.body;
  }
  const auto viewer = std::to_string(user_id("viewer@example.org"));
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"/api/v1/users", R"({"email":"x@example.org","display_name":"X","role":"god",)"
                        R"("password":"long enough pass"})"},
      {"/api/v1/users", R"({"email":"x@example.org","display_name":"X","role":"sales",)"
                        R"("password":"short"})"},
      {"/api/v1/users", R"({"id":9,"email":"x@example.org","display_name":"X","role":"sales",)"
                        R"("password":"long enough pass"})"},
      {"/api/v1/users", R"({"email":"x@example.org","display_name":"X","role":"sales",)"
                        R"("team_id":999,"password":"long enough pass"})"},
      {"/api/v1/teams", R"({"name":""})"},
      {"/api/v1/teams", R"({"name":"A","version":3})"},
      {"/api/v1/tokens", R"({"name":"ci","scope":"admin","password":"correct horse battery"})"},
      {"/api/v1/tokens", R"({"name":"ci","scope":"read","expires_at":"2001-01-01T00:00:00Z",)"
                         R"("password":"correct horse battery"})"},
      {"/api/v1/users/" + viewer + "/password", R"({"password":"long enough pass","x":1})"},
  };
  for (const auto& [target, body] : bad) {
    auto reply = admin.write(bhttp::verb::post, target, body);
    EXPECT_EQ(reply.status, 422u) << target << " " << body << " " << reply.body;
    EXPECT_EQ(reply.body.find("long enough pass"), std::string::npos);
  }
  auto patched = admin.write(bhttp::verb::patch, "/api/v1/users/" + viewer, R"({"role":null})",
                             {{"If-Match", "\"1\""}});
  EXPECT_EQ(patched.status, 422u) << patched.body;
  EXPECT_EQ(
      admin.write(bhttp::verb::patch, "/api/v1/users/" + viewer, R"({"active":false})").status,
      428u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/users/999999").status, 404u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/teams/abc").status, 404u);
}

TEST_P(AdminApi, TeamsRenameAndDeleteWithIfMatch) {
  auto admin = login("admin@example.org");
  auto created = admin.write(bhttp::verb::post, "/api/v1/teams", R"({"name":"Chiang Mai"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto path = "/api/v1/teams/" + std::to_string(created.json().at("id").as_int64());
  EXPECT_EQ(admin.write(bhttp::verb::patch, path, R"({"name":"เชียงใหม่"})").status, 428u);
  auto renamed =
      admin.write(bhttp::verb::patch, path, R"({"name":"เชียงใหม่"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(renamed.status, 200u) << renamed.body;
  EXPECT_EQ(renamed.json().at("name").as_string(), "เชียงใหม่");
  EXPECT_EQ(etag(renamed), "\"2\"");
  EXPECT_EQ(admin.write(bhttp::verb::delete_, path, {}, {{"If-Match", "\"1\""}}).status, 412u);
  EXPECT_EQ(admin.write(bhttp::verb::delete_, path, {}, {{"If-Match", "\"2\""}}).status, 204u);
  EXPECT_EQ(admin.send(bhttp::verb::get, path).status, 404u);
}

TEST_P(AdminApi, RoleChangesAreAuditedAndFoundWithFiltersAndPages) {
  auto admin = login("admin@example.org");
  const auto admin_id = user_id("admin@example.org");
  const auto east_id = user_id("east@example.org");
  const auto path = "/api/v1/users/" + std::to_string(east_id);
  auto read = admin.send(bhttp::verb::get, path);
  ASSERT_EQ(read.status, 200u);
  auto promoted =
      admin.write(bhttp::verb::patch, path, R"({"role":"manager"})", {{"If-Match", etag(read)}});
  ASSERT_EQ(promoted.status, 200u) << promoted.body;
  EXPECT_EQ(promoted.json().at("role").as_string(), "manager");
  EXPECT_EQ(admin.write(bhttp::verb::patch, path, R"({"role":"admin"})", {{"If-Match", etag(read)}})
                .status,
            412u);
  auto renamed = admin.write(bhttp::verb::patch, path, R"({"display_name":"Somchai"})",
                             {{"If-Match", etag(promoted)}});
  ASSERT_EQ(renamed.status, 200u) << renamed.body;

  const auto about_east = "/api/v1/audit?object_type=users&object_id=" + std::to_string(east_id);
  auto changes = admin.send(bhttp::verb::get, about_east + "&action=role_change");
  ASSERT_EQ(changes.status, 200u) << changes.body;
  ASSERT_EQ(items(changes).size(), 1u);
  const auto entry = items(changes)[0].as_object();
  EXPECT_EQ(entry.at("actor_id").as_int64(), admin_id);
  EXPECT_EQ(entry.at("object_id").as_int64(), east_id);
  EXPECT_EQ(entry.at("client_address").as_string(), "127.0.0.1");
  const auto role = entry.at("changes").at("role").as_object();
  EXPECT_EQ(role.at("before").as_string(), "sales");
  EXPECT_EQ(role.at("after").as_string(), "manager");

  // Newest first: the rename, then the role change, then the creation; one a page.
  std::vector<std::string> actions;
  std::string target = about_east + "&limit=1";
  for (int page = 0; page < 10; ++page) {
    auto reply = admin.send(bhttp::verb::get, target);
    ASSERT_EQ(reply.status, 200u) << reply.body;
    for (const auto& e : items(reply)) actions.emplace_back(e.at("action").as_string());
    const auto next = reply.json().at("next");
    if (next.is_null()) break;
    target = about_east + "&limit=1&after=" + std::string(next.as_string());
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"update", "role_change", "create"}));

  auto by_actor = admin.send(
      bhttp::verb::get, "/api/v1/audit?action=role_change&actor_id=" + std::to_string(east_id));
  EXPECT_TRUE(items(by_actor).empty());
  auto future = admin.send(bhttp::verb::get, about_east + "&from=2999-01-01T00:00:00Z");
  EXPECT_TRUE(items(future).empty());
  auto window = admin.send(bhttp::verb::get, about_east + "&from=2000-01-01&to=2999-01-01");
  EXPECT_EQ(items(window).size(), 3u);
  EXPECT_EQ(admin.send(bhttp::verb::get, about_east + "&from=2999-01-01&to=2000-01-01").status,
            422u);
}

TEST_P(AdminApi, TokenSecretIsShownOnceAndRevokingEndsIt) {
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/tokens",
                            R"({"name":"CI","scope":"read","expires_at":"2999-01-01T00:00:00Z",)"
                            R"("password":"correct horse battery"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto token = created.json().as_object();
  const std::string secret(token.at("secret").as_string());
  EXPECT_TRUE(secret.starts_with("rpt_"));
  EXPECT_EQ(token.at("scope").as_string(), "read");
  EXPECT_EQ(token.at("expires_at").as_string(), "2999-01-01T00:00:00.000Z");
  EXPECT_FALSE(token.contains("token_hash"));

  auto listed = east.send(bhttp::verb::get, "/api/v1/tokens");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  ASSERT_EQ(items(listed).size(), 1u);
  EXPECT_FALSE(items(listed)[0].as_object().contains("secret"));
  EXPECT_FALSE(items(listed)[0].as_object().contains("token_hash"));
  EXPECT_EQ(listed.body.find(secret), std::string::npos);

  Client bearer{server_->port(), {}, {}, secret};
  auto me = bearer.send(bhttp::verb::get, "/api/v1/me");
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(me.json().at("email").as_string(), "east@example.org");
  EXPECT_EQ(bearer
                .send(bhttp::verb::post, "/api/v1/tokens",
                      R"({"name":"x","scope":"read","password":"correct horse battery"})")
                .status,
            403u);

  const auto east_id = std::to_string(user_id("east@example.org"));
  auto west = login("west@example.org");
  EXPECT_EQ(west.send(bhttp::verb::get, "/api/v1/tokens?user_id=" + east_id).status, 403u);
  const auto path = "/api/v1/tokens/" + std::to_string(token.at("id").as_int64());
  EXPECT_EQ(west.write(bhttp::verb::delete_, path).status, 404u);
  auto admin = login("admin@example.org");
  auto seen = admin.send(bhttp::verb::get, "/api/v1/tokens?user_id=" + east_id);
  ASSERT_EQ(seen.status, 200u) << seen.body;
  EXPECT_EQ(items(seen).size(), 1u);

  EXPECT_EQ(east.write(bhttp::verb::delete_, path).status, 204u);
  EXPECT_EQ(bearer.send(bhttp::verb::get, "/api/v1/me").status, 401u);
  auto after = east.send(bhttp::verb::get, "/api/v1/tokens");
  EXPECT_FALSE(items(after)[0].at("revoked_at").is_null());
  auto audit = admin.send(bhttp::verb::get, "/api/v1/audit?object_type=tokens");
  EXPECT_EQ(items(audit).size(), 2u);
  EXPECT_EQ(audit.body.find(secret), std::string::npos);
}

TEST_P(AdminApi, MintingATokenTakesThePasswordAndASession) {
  auto east = login("east@example.org");
  const auto mint = [](const std::string& password) {
    return json::serialize(
        json::object{{"name", "CI"}, {"scope", "read-write"}, {"password", password}});
  };
  auto without = east.write(bhttp::verb::post, "/api/v1/tokens", R"({"name":"CI","scope":"read"})");
  EXPECT_EQ(without.status, 422u) << without.body;
  auto wrong = east.write(bhttp::verb::post, "/api/v1/tokens", mint("not my password"));
  EXPECT_EQ(wrong.status, 422u) << wrong.body;
  EXPECT_NE(wrong.body.find("password"), std::string::npos);
  auto created = east.write(bhttp::verb::post, "/api/v1/tokens", mint(kPassword));
  ASSERT_EQ(created.status, 201u) << created.body;
  // A read-write token cannot mint another, even with the password.
  Client bearer{server_->port(), {}, {}, std::string(created.json().at("secret").as_string())};
  EXPECT_EQ(bearer.send(bhttp::verb::post, "/api/v1/tokens", mint(kPassword)).status, 403u);
  EXPECT_EQ(items(east.send(bhttp::verb::get, "/api/v1/tokens")).size(), 1u);
}

TEST_P(AdminApi, PasswordChangeResetAndDeactivationRevokeApiTokens) {
  auto admin = login("admin@example.org");
  // A change of one's own password.
  auto east = with_token("east@example.org", store::TokenScope::kReadWrite);
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/me").status, 200u);
  const auto east_id = std::to_string(user_id("east@example.org"));
  auto changed = east.send(
      bhttp::verb::post, "/api/v1/users/" + east_id + "/password",
      json::serialize(json::object{{"current_password", kPassword}, {"password", kNewPassword}}));
  ASSERT_EQ(changed.status, 204u) << changed.body;
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/me").status, 401u);
  // An admin's reset.
  auto west = with_token("west@example.org", store::TokenScope::kRead);
  const auto west_id = std::to_string(user_id("west@example.org"));
  ASSERT_EQ(admin
                .write(bhttp::verb::post, "/api/v1/users/" + west_id + "/password",
                       json::serialize(json::object{{"password", kNewPassword}}))
                .status,
            204u);
  EXPECT_EQ(west.send(bhttp::verb::get, "/api/v1/me").status, 401u);
  // A deactivation; reactivating does not bring the token back.
  auto viewer = with_token("viewer@example.org", store::TokenScope::kRead);
  const auto viewer_path = "/api/v1/users/" + std::to_string(user_id("viewer@example.org"));
  auto off =
      admin.write(bhttp::verb::patch, viewer_path, R"({"active":false})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(off.status, 200u) << off.body;
  auto on =
      admin.write(bhttp::verb::patch, viewer_path, R"({"active":true})", {{"If-Match", etag(off)}});
  ASSERT_EQ(on.status, 200u) << on.body;
  EXPECT_EQ(viewer.send(bhttp::verb::get, "/api/v1/me").status, 401u);
  auto listed = admin.send(
      bhttp::verb::get, "/api/v1/tokens?user_id=" + std::to_string(user_id("viewer@example.org")));
  ASSERT_EQ(items(listed).size(), 1u);
  EXPECT_FALSE(items(listed)[0].at("revoked_at").is_null());
}

TEST_P(AdminApi, PasswordChangeRevokesEverySessionOfTheUser) {
  auto here = login("east@example.org");
  auto there = login("east@example.org");
  const auto path = "/api/v1/users/" + std::to_string(user_id("east@example.org")) + "/password";
  EXPECT_EQ(
      here.write(bhttp::verb::post, path, json::serialize(json::object{{"password", kNewPassword}}))
          .status,
      422u);
  auto wrong = here.write(bhttp::verb::post, path,
                          json::serialize(json::object{{"current_password", "not my password"},
                                                       {"password", kNewPassword}}));
  EXPECT_EQ(wrong.status, 422u) << wrong.body;
  EXPECT_EQ(there.send(bhttp::verb::get, "/api/v1/me").status, 200u);
  auto changed = here.write(
      bhttp::verb::post, path,
      json::serialize(json::object{{"current_password", kPassword}, {"password", kNewPassword}}));
  ASSERT_EQ(changed.status, 204u) << changed.body;
  EXPECT_EQ(there.send(bhttp::verb::get, "/api/v1/me").status, 401u);
  EXPECT_EQ(here.send(bhttp::verb::get, "/api/v1/me").status, 401u);
  EXPECT_EQ(login_with("east@example.org", kPassword).status, 401u);
  EXPECT_EQ(login_with("east@example.org", kNewPassword).status, 201u);

  // An admin resets someone else's password without knowing it; their sessions end too.
  auto west = login("west@example.org");
  auto admin = login("admin@example.org");
  const auto west_path =
      "/api/v1/users/" + std::to_string(user_id("west@example.org")) + "/password";
  EXPECT_EQ(admin
                .write(bhttp::verb::post, west_path,
                       json::serialize(json::object{{"password", kNewPassword}}))
                .status,
            204u);
  EXPECT_EQ(west.send(bhttp::verb::get, "/api/v1/me").status, 401u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/me").status, 200u);
  auto audit = admin.send(bhttp::verb::get, "/api/v1/audit?object_type=users");
  EXPECT_EQ(audit.body.find(kNewPassword), std::string::npos);
  EXPECT_EQ(audit.body.find(kPassword), std::string::npos);
  EXPECT_NE(audit.body.find("password_reset"), std::string::npos);
  EXPECT_NE(audit.body.find("password_change"), std::string::npos);
}

TEST_P(AdminApi, UnlockLetsALockedAccountSignInAgain) {
  const auto id = user_id("west@example.org");
  ASSERT_TRUE(db_->identity()
                  .transact([&](store::IdentityTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(auto user, tx.find_user(id));
                    user->locked = true;
                    return tx.update_user(*user, user->updated_at).ok()
                               ? core::ok_status()
                               : core::Error::internal("lock failed");
                  })
                  .ok());
  EXPECT_EQ(login_with("west@example.org", kPassword).status, 401u);
  auto admin = login("admin@example.org");
  auto unlocked = admin.write(bhttp::verb::post, "/api/v1/users/" + std::to_string(id) + "/unlock");
  ASSERT_EQ(unlocked.status, 200u) << unlocked.body;
  EXPECT_FALSE(unlocked.json().at("locked").as_bool());
  EXPECT_EQ(login_with("west@example.org", kPassword).status, 201u);
  auto audit =
      admin.send(bhttp::verb::get, "/api/v1/audit?action=unlock&object_id=" + std::to_string(id));
  EXPECT_EQ(items(audit).size(), 1u);
}

TEST_P(AdminApi, FailedLoginsDelayOnlyTheirAddressAndLockNothing) {
  // Behind a proxy at 127.0.0.1 that names each client in X-Forwarded-For.
  ApiOptions behind_proxy;
  behind_proxy.password_cost = kTestPasswordCost;
  behind_proxy.trusted_proxies = {"127.0.0.1"};
  Api proxied(*db_, behind_proxy);
  http::ServerConfig config;
  config.port = 0;
  http::Server server(config, proxied.router(), &proxied.metrics());
  ASSERT_TRUE(server.start().ok());
  auto token = with_token("west@example.org", store::TokenScope::kReadWrite);
  token.port = server.port();
  Client client{server.port(), {}, {}, {}};
  const auto from = [](const char* address) {
    return std::vector<std::pair<std::string, std::string>>{{"X-Forwarded-For", address}};
  };
  const std::string wrong = R"({"email":"west@example.org","password":"wrong password!"})";
  const std::string right =
      json::serialize(json::object{{"email", "west@example.org"}, {"password", kPassword}});
  const int free_failures = services::LoginThrottles{}.account_at_address.free_failures;
  for (int i = 0; i <= free_failures; ++i) {
    EXPECT_EQ(client.send(bhttp::verb::post, "/api/v1/session", wrong, from("203.0.113.9")).status,
              401u);
  }
  auto delayed = client.send(bhttp::verb::post, "/api/v1/session", right, from("203.0.113.9"));
  EXPECT_EQ(delayed.status, 429u) << delayed.body;
  EXPECT_EQ(std::string(delayed.headers[bhttp::field::retry_after]), "1");
  EXPECT_NE(std::string(delayed.headers[bhttp::field::content_type]).find("problem+json"),
            std::string::npos);
  // The account is not locked: its API token works and its owner signs in from their address.
  EXPECT_EQ(token.send(bhttp::verb::get, "/api/v1/me").status, 200u);
  EXPECT_EQ(client.send(bhttp::verb::post, "/api/v1/session", right, from("198.51.100.7")).status,
            201u);
  // Without a trusted proxy in front, X-Forwarded-For is the client's own claim and is ignored.
  Client direct{server_->port(), {}, {}, {}};
  for (int i = 0; i <= free_failures; ++i) {
    static_cast<void>(direct.send(bhttp::verb::post, "/api/v1/session", wrong, from("192.0.2.1")));
  }
  EXPECT_EQ(direct.send(bhttp::verb::post, "/api/v1/session", right, from("192.0.2.2")).status,
            429u);
  server.stop();
}

TEST_P(AdminApi, AClientOverItsBudgetGets429WithRetryAfter) {
  RateLimits limits;
  limits.api = {.per_second = 1, .burst = 3};
  limits.login = {.per_second = 1, .burst = 3};
  ApiOptions limited_options;
  limited_options.limits = limits;
  Api limited(*db_, limited_options);
  http::ServerConfig config;
  config.port = 0;
  http::Server server(config, limited.router(), &limited.metrics());
  ASSERT_TRUE(server.start().ok());
  Client client{server.port(), {}, {}, {}};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(client.send(bhttp::verb::get, "/api/v1/session").status, 401u) << i;
  }
  auto refused = client.send(bhttp::verb::get, "/api/v1/session");
  EXPECT_EQ(refused.status, 429u) << refused.body;
  EXPECT_FALSE(std::string(refused.headers[bhttp::field::retry_after]).empty());
  EXPECT_NE(std::string(refused.headers[bhttp::field::content_type]).find("problem+json"),
            std::string::npos);
  EXPECT_EQ(client.send(bhttp::verb::get, "/healthz").status, 200u);

  RateLimits login_only;
  login_only.login = {.per_second = 0.01, .burst = 1};
  ApiOptions login_options;
  login_options.limits = login_only;
  Api login_limited(*db_, login_options);
  http::Server second(config, login_limited.router(), &login_limited.metrics());
  ASSERT_TRUE(second.start().ok());
  Client fresh{second.port(), {}, {}, {}};
  const std::string body = R"({"email":"admin@example.org","password":"wrong password!"})";
  EXPECT_EQ(fresh.send(bhttp::verb::post, "/api/v1/session", body).status, 401u);
  auto throttled = fresh.send(bhttp::verb::post, "/api/v1/session", body);
  EXPECT_EQ(throttled.status, 429u) << throttled.body;
  // The one sign-in refills a hundredth of a token a second: about 100 s, less the time the
  // first attempt took on a loaded machine.
  const int retry_after = std::stoi(std::string(throttled.headers[bhttp::field::retry_after]));
  EXPECT_LE(retry_after, 100);
  EXPECT_GE(retry_after, 90);
  EXPECT_EQ(fresh.send(bhttp::verb::get, "/api/v1/session").status, 401u);
  second.stop();
  server.stop();
}

RAPPORT_API_ENGINES(AdminApi);

}  // namespace
}  // namespace rapport::app
