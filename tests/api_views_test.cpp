// Saved views through HTTP on both engines: private and team-shared views, who may change them,
// the checks on their query and columns (tests/api_fixture.hpp runs the server).
#include <set>

#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

class ViewsApi : public ApiTest {
 protected:
  std::optional<std::int64_t> team_of(const std::string& email) {
    services::UserService users(db_->identity(), hasher_, services::system_clock());
    auto user = users.find_by_email(email);
    EXPECT_TRUE(user.ok()) << email;
    return user.ok() ? user->team_id : std::nullopt;
  }
  static json::array items(const Reply& reply) { return reply.json().at("items").as_array(); }
  static std::string view_body(const std::string& name, bool shared, const std::string& query) {
    return json::serialize(json::object{{"kind", "contact"},
                                        {"name", name},
                                        {"shared", shared},
                                        {"query", query},
                                        {"columns", json::array{"given_name", "owner_id"}}});
  }
};

TEST_P(ViewsApi, PrivateViewsStayTheOwnersAndSharedOnesReachTheTeam) {
  auto east = login("east@example.org");
  auto mine =
      east.write(bhttp::verb::post, "/api/v1/views",
                 view_body("My leads", false, "sort=-updated_at&filter%5Blifecycle_stage%5D=lead"));
  ASSERT_EQ(mine.status, 201u) << mine.body;
  EXPECT_EQ(mine.json().at("columns").as_array().size(), 2u);
  EXPECT_FALSE(mine.json().at("shared").as_bool());
  auto team =
      east.write(bhttp::verb::post, "/api/v1/views", view_body("East customers", true, "q=Jansen"));
  ASSERT_EQ(team.status, 201u) << team.body;
  EXPECT_TRUE(team.json().at("shared").as_bool());

  auto listed = east.send(bhttp::verb::get, "/api/v1/views?kind=contact");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  ASSERT_EQ(items(listed).size(), 2u);
  EXPECT_EQ(items(listed)[0].at("name").as_string(), "East customers");
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/views?kind=company")
                .json()
                .at("items")
                .as_array()
                .size(),
            0u);

  // West is in another team: it sees neither, and cannot reach them by id.
  auto west = login("west@example.org");
  EXPECT_EQ(items(west.send(bhttp::verb::get, "/api/v1/views?kind=contact")).size(), 0u);
  EXPECT_EQ(west.send(bhttp::verb::get, "/api/v1/views/" + id_of(mine)).status, 404u);
  EXPECT_EQ(west.write(bhttp::verb::delete_, "/api/v1/views/" + id_of(team), "",
                       {{"If-Match", etag_of(team)}})
                .status,
            404u);

  // A teammate sees the shared view but may not change it; the owner may.
  add_user("east2@example.org", core::Role::kSales, team_of("east@example.org"));
  auto mate = login("east2@example.org");
  const auto seen = items(mate.send(bhttp::verb::get, "/api/v1/views?kind=contact"));
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].at("name").as_string(), "East customers");
  EXPECT_EQ(mate.write(bhttp::verb::patch, "/api/v1/views/" + id_of(team), R"({"name":"Mine now"})",
                       {{"If-Match", etag_of(team)}})
                .status,
            403u);
  auto renamed =
      east.write(bhttp::verb::patch, "/api/v1/views/" + id_of(team),
                 R"({"name":"East key accounts","shared":false})", {{"If-Match", etag_of(team)}});
  ASSERT_EQ(renamed.status, 200u) << renamed.body;
  EXPECT_EQ(renamed.json().at("name").as_string(), "East key accounts");
  EXPECT_EQ(items(mate.send(bhttp::verb::get, "/api/v1/views?kind=contact")).size(), 0u);
  EXPECT_EQ(east.write(bhttp::verb::patch, "/api/v1/views/" + id_of(team), R"({"name":"Again"})",
                       {{"If-Match", etag_of(team)}})
                .status,
            412u);
  EXPECT_EQ(east.write(bhttp::verb::delete_, "/api/v1/views/" + id_of(mine), "",
                       {{"If-Match", etag_of(mine)}})
                .status,
            204u);
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/views/" + id_of(mine)).status, 404u);
}

TEST_P(ViewsApi, BadViewsAreRefusedFieldByField) {
  auto east = login("east@example.org");
  auto refused = east.write(
      bhttp::verb::post, "/api/v1/views",
      R"({"kind":"deal","name":" ","query":"limit=5","columns":["given_name","given_name",7],"owner_id":3})");
  ASSERT_EQ(refused.status, 422u) << refused.body;
  std::set<std::string> fields;
  const json::value problem = refused.json();
  for (const auto& e : problem.at("errors").as_array())
    fields.insert(std::string(e.at("field").as_string()));
  for (const char* f : {"kind", "query", "columns/2", "owner_id"})
    EXPECT_TRUE(fields.contains(f)) << f << refused.body;

  EXPECT_EQ(east.write(bhttp::verb::post, "/api/v1/views",
                       view_body("Bad", false, "filter%5Bx%5D%5Bregex%5D=1"))
                .status,
            422u);
  auto name_twice = east.write(bhttp::verb::post, "/api/v1/views", view_body("Twice", false, ""));
  ASSERT_EQ(name_twice.status, 201u) << name_twice.body;
  EXPECT_EQ(east.write(bhttp::verb::post, "/api/v1/views", view_body("Twice", false, "")).status,
            422u);
  // Someone in no team cannot share.
  auto viewer = login("viewer@example.org");
  EXPECT_EQ(viewer.write(bhttp::verb::post, "/api/v1/views", view_body("Shared", true, "")).status,
            422u);
  EXPECT_EQ(
      viewer.write(bhttp::verb::post, "/api/v1/views", view_body("Private", false, "")).status,
      201u);
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/views").status, 422u);
  auto read_token = with_token("east@example.org", store::TokenScope::kRead);
  EXPECT_EQ(
      read_token.write(bhttp::verb::post, "/api/v1/views", view_body("Token", false, "")).status,
      403u);
}

RAPPORT_API_ENGINES(ViewsApi);

}  // namespace
}  // namespace rapport::app
