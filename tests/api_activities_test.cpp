// What only activities have, through the JSON API on both engines (the generated suites in
// api_kind_conformance_test.cpp cover what every kind has): the task views as filters, the
// contacts and companies an activity names, its phone number and times, and who may log one.
#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

class ActivitiesApi : public ApiTest {
 protected:
  // Creates a record as `client` from `body`; returns its id.
  std::string create(const Client& client, const std::string& collection, json::object body) {
    auto reply = client.write(bhttp::verb::post, "/api/v1/" + collection, json::serialize(body));
    EXPECT_EQ(reply.status, 201u) << reply.body;
    return reply.status == 201u ? id_of(reply) : "0";
  }

  // The ids the activities list answers for `query`, in order.
  std::vector<std::string> listed(const Client& client, const std::string& query) {
    auto reply = client.send(bhttp::verb::get, "/api/v1/activities?sort=id&" + query);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    std::vector<std::string> out;
    if (reply.status != 200u) return out;
    const json::value body = reply.json();
    for (const auto& item : body.at("items").as_array()) {
      out.push_back(std::to_string(item.at("id").as_int64()));
    }
    return out;
  }

  static std::int64_t number(const std::string& id) { return std::stoll(id); }
};

TEST_P(ActivitiesApi, TaskViewsAreFiltersOnOwnerStatusAndDueTime) {
  auto east = login("east@example.org");
  auto me = east.send(bhttp::verb::get, "/api/v1/session").json().at("user_id").as_int64();
  const std::string overdue =
      create(east, "activities",
             {{"type", "task"}, {"subject", "Send the quote"}, {"due_at", "2026-12-06T17:00:00Z"}});
  const std::string today = create(
      east, "activities",
      {{"type", "task"}, {"subject", "Call back Somchai"}, {"due_at", "2026-12-07T15:00:00Z"}});
  const std::string done = create(east, "activities",
                                  {{"type", "task"},
                                   {"subject", "Book the room"},
                                   {"status", "done"},
                                   {"due_at", "2026-12-05T09:00:00Z"}});
  auto admin = login("admin@example.org");
  const std::string others =
      create(admin, "activities", {{"type", "meeting"}, {"subject", "Board"}, {"due_at", nullptr}});

  EXPECT_EQ(listed(east, "filter[owner_id]=" + std::to_string(me)),
            (std::vector<std::string>{overdue, today, done}));
  const std::string now = "2026-12-07T12:00:00Z";
  EXPECT_EQ(listed(east, "filter[status]=open&filter[due_at][lt]=" + now),
            std::vector<std::string>{overdue});
  EXPECT_EQ(listed(admin,
                   "filter[due_at][gt]=2026-12-07T00:00:00Z"
                   "&filter[due_at][lt]=2026-12-08T00:00:00Z"),
            std::vector<std::string>{today});
  EXPECT_EQ(listed(admin, "filter[due_at][empty]=true"), std::vector<std::string>{others});
  auto by_due = admin.send(bhttp::verb::get, "/api/v1/activities?sort=due_at&limit=10");
  ASSERT_EQ(by_due.status, 200u) << by_due.body;
  const json::value page = by_due.json();
  const auto& items = page.at("items").as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_TRUE(items[0].at("due_at").is_null());  // no due date sorts first
  EXPECT_EQ(std::to_string(items[1].at("id").as_int64()), done);
  EXPECT_EQ(std::to_string(items[3].at("id").as_int64()), today);
}

TEST_P(ActivitiesApi, LinksNameReadableRecordsAndFollowThemEverywhere) {
  auto east = login("east@example.org");
  auto west = login("west@example.org");
  auto admin = login("admin@example.org");
  const std::string mine = create(east, "contacts", {{"given_name", "Somchai"}});
  const std::string theirs = create(west, "contacts", {{"given_name", "Anouk"}});
  const std::string firm = create(east, "companies", {{"name", "Siam Widgets"}});

  // West's contact is outside east's team scope: refused as if it did not exist.
  auto hidden = east.write(
      bhttp::verb::post, "/api/v1/activities",
      json::serialize(json::object{{"type", "call"},
                                   {"subject", "Intro call"},
                                   {"contact_ids", json::array{number(mine), number(theirs)}}}));
  EXPECT_EQ(hidden.status, 422u) << hidden.body;
  EXPECT_EQ(error_fields(hidden), std::vector<std::string>{"contact_ids/1"});
  auto missing = east.write(
      bhttp::verb::post, "/api/v1/activities",
      json::serialize(json::object{
          {"type", "call"}, {"subject", "Intro call"}, {"company_ids", json::array{99999}}}));
  EXPECT_EQ(missing.status, 422u) << missing.body;
  EXPECT_EQ(error_fields(missing), std::vector<std::string>{"company_ids/0"});

  const std::string call = create(east, "activities",
                                  {{"type", "call"},
                                   {"subject", "Intro call"},
                                   {"contact_ids", json::array{number(mine)}},
                                   {"company_ids", json::array{number(firm)}}});
  EXPECT_EQ(listed(east, "filter[contact_ids]=" + mine), std::vector<std::string>{call});
  EXPECT_EQ(listed(east, "filter[company_ids]=" + firm), std::vector<std::string>{call});
  EXPECT_TRUE(listed(east, "filter[contact_ids]=" + theirs).empty());
  EXPECT_TRUE(listed(east, "filter[contact_ids][empty]=true").empty());

  // A duplicate link is refused; a contact erased leaves the activity without it.
  auto twice = east.write(
      bhttp::verb::patch, "/api/v1/activities/" + call,
      json::serialize(json::object{{"contact_ids", json::array{number(mine), number(mine)}}}),
      {{"If-Match", "\"1\""}});
  EXPECT_EQ(twice.status, 422u) << twice.body;
  EXPECT_EQ(error_fields(twice), std::vector<std::string>{"contact_ids/1"});
  ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/contacts/" + mine + "/erase").status, 204u);
  auto after = east.send(bhttp::verb::get, "/api/v1/activities/" + call);
  ASSERT_EQ(after.status, 200u) << after.body;
  EXPECT_TRUE(after.json().at("contact_ids").as_array().empty());
  EXPECT_EQ(after.json().at("company_ids").as_array().size(), 1u);
  EXPECT_TRUE(listed(east, "filter[contact_ids]=" + mine).empty());

  // Erasing the activity removes its links from the company's side too.
  ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/activities/" + call + "/erase").status, 204u);
  EXPECT_TRUE(listed(admin, "filter[company_ids]=" + firm).empty());
}

TEST_P(ActivitiesApi, CallsKeepTheirNumberInE164AndTimesInOrder) {
  auto admin = login("admin@example.org");
  auto call = admin.write(bhttp::verb::post, "/api/v1/activities",
                          R"({"type":"call","subject":"Inbound","direction":"inbound",)"
                          R"("phone":"081 234 5678","duration_seconds":95,)"
                          R"("starts_at":"2026-12-07T09:30:00Z","outcome":"booked a demo"})");
  ASSERT_EQ(call.status, 201u) << call.body;
  EXPECT_EQ(call.json().at("phone").as_string(), "+66812345678");
  EXPECT_EQ(call.json().at("duration_seconds").as_int64(), 95);
  EXPECT_EQ(call.json().at("status").as_string(), "open");
  EXPECT_EQ(call.json().at("priority").as_string(), "normal");
  // The number is found as typed and as dialled from abroad.
  for (const char* q : {"0812345678", "66812345678"}) {
    EXPECT_EQ(listed(admin, std::string("q=") + q), std::vector<std::string>{id_of(call)}) << q;
  }

  auto bad = admin.write(bhttp::verb::post, "/api/v1/activities",
                         R"({"type":"visit","subject":" ","direction":"sideways",)"
                         R"("starts_at":"2026-12-07T10:00:00Z","ends_at":"2026-12-07T09:00:00Z",)"
                         R"("duration_seconds":-1,"due_at":"tomorrow"})");
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(error_fields(bad), std::vector<std::string>{"due_at"});
  auto rules = admin.write(bhttp::verb::post, "/api/v1/activities",
                           R"({"type":"visit","subject":" ","direction":"sideways",)"
                           R"("starts_at":"2026-12-07T10:00:00Z","ends_at":"2026-12-07T09:00:00Z",)"
                           R"("duration_seconds":-1,"phone":"12"})");
  EXPECT_EQ(rules.status, 422u) << rules.body;
  auto fields = error_fields(rules);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"direction", "duration_seconds", "ends_at", "phone",
                                              "subject", "type"}));
}

TEST_P(ActivitiesApi, TheCallCentreLogsItsOwnCallsAndViewersOnlyRead) {
  add_user("support@example.org", core::Role::kSupport, std::nullopt);
  auto support = login("support@example.org");
  auto admin = login("admin@example.org");
  const std::string customer = create(admin, "contacts", {{"given_name", "Mei"}});
  const std::string logged = create(support, "activities",
                                    {{"type", "call"},
                                     {"subject", "Complaint about delivery"},
                                     {"contact_ids", json::array{number(customer)}}});
  const std::string assigned =
      create(admin, "activities", {{"type", "task"}, {"subject", "Refund"}});
  // Support reads every activity but changes only its own.
  EXPECT_EQ(support.send(bhttp::verb::get, "/api/v1/activities/" + assigned).status, 200u);
  EXPECT_EQ(support
                .write(bhttp::verb::patch, "/api/v1/activities/" + assigned, R"({"status":"done"})",
                       {{"If-Match", "*"}})
                .status,
            403u);
  EXPECT_EQ(support
                .write(bhttp::verb::patch, "/api/v1/activities/" + logged, R"({"status":"done"})",
                       {{"If-Match", "*"}})
                .status,
            200u);
  auto viewer = login("viewer@example.org");
  EXPECT_EQ(viewer.send(bhttp::verb::get, "/api/v1/activities/" + logged).status, 200u);
  EXPECT_EQ(viewer
                .write(bhttp::verb::post, "/api/v1/activities",
                       R"({"type":"call","subject":"Should not be logged"})")
                .status,
            403u);
  auto entries = audit_entries("activities", logged);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries.front().action, "update");
  EXPECT_NE(entries.front().changes_json.find("done"), std::string::npos);
}

RAPPORT_API_ENGINES(ActivitiesApi);

}  // namespace
}  // namespace rapport::app
