// The timeline API end to end on both engines: notes, audited changes and linked activities merged
// newest first
// (one order across sources at one instant), keyset pages that give every item exactly once,
// contacts and companies, record scope (another team's contact is 404), read-only callers, the
// trash, erasure (404: the record and its now redacted history are gone) and bad page requests.
#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

const std::string kAda = R"({"given_name":"Ada","family_name":"Lovelace"})";

std::string note_json(const std::string& body) {
  return json::serialize(json::object{{"body", body}});
}

// One item as the tests compare them: "note 12", "change 40 update".
std::string describe_item(const json::value& item) {
  const auto& o = item.as_object();
  std::string text =
      std::string(o.at("type").as_string()) + " " + std::to_string(o.at("id").as_int64());
  if (o.at("type").as_string() == "change") {
    text += " " + std::string(o.at("change").at("action").as_string());
  }
  return text;
}

class TimelineApi : public ApiTest {
 protected:
  // Every service reads this clock, so that tests choose the instants items carry.
  void adjust(ApiOptions& options) override {
    options.clock = [now = now_] { return std::chrono::sys_seconds(std::chrono::seconds(*now)); };
  }
  void set_time(std::int64_t seconds) { *now_ = seconds; }

  Reply timeline(const Client& client, const std::string& record, const std::string& query = {}) {
    return client.send(bhttp::verb::get, record + "/timeline" + query);
  }

  // Every item of `record`'s timeline read in pages of `limit`, described.
  std::vector<std::string> read_all(const Client& client, const std::string& record, int limit) {
    std::vector<std::string> items;
    std::string after;
    for (int pages = 0; pages < 100; ++pages) {
      std::string query = "?limit=" + std::to_string(limit);
      if (!after.empty()) query += "&after=" + after;
      auto reply = timeline(client, record, query);
      EXPECT_EQ(reply.status, 200u) << reply.body;
      if (reply.status != 200u) break;
      const json::value page = reply.json();
      const auto& got = page.at("items").as_array();
      EXPECT_LE(got.size(), static_cast<std::size_t>(limit));
      for (const auto& item : got) items.push_back(describe_item(item));
      if (page.at("next").is_null()) break;
      after = std::string(page.at("next").as_string());
    }
    return items;
  }

  std::shared_ptr<std::atomic<std::int64_t>> now_ = std::make_shared<std::atomic<std::int64_t>>(
      std::chrono::duration_cast<std::chrono::seconds>(
          std::chrono::system_clock::now().time_since_epoch())
          .count());
};

TEST_P(TimelineApi, NotesAndChangesAtOneInstantInOneOrder) {
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string contact = "/api/v1/contacts/" + id_of(created);
  auto first = east.write(bhttp::verb::post, contact + "/notes", note_json("first call"));
  ASSERT_EQ(first.status, 201u) << first.body;
  auto renamed = east.write(bhttp::verb::patch, contact, R"({"given_name":"Augusta Ada"})",
                            {{"If-Match", etag_of(created)}});
  ASSERT_EQ(renamed.status, 200u) << renamed.body;
  auto second = east.write(bhttp::verb::post, contact + "/notes", note_json("ประชุมวันอังคาร"));
  ASSERT_EQ(second.status, 201u) << second.body;
  ASSERT_EQ(east.write(bhttp::verb::delete_, contact, "", {{"If-Match", etag_of(renamed)}}).status,
            204u);

  // Trashed records keep their timeline.
  auto reply = timeline(east, contact);
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json::value page = reply.json();
  const auto& items = page.at("items").as_array();
  EXPECT_TRUE(page.at("next").is_null());
  std::vector<std::string> got;
  for (const auto& item : items) got.push_back(describe_item(item));
  // At one instant notes come before changes, each newest (highest id) first; a note's creation
  // is the note itself, not a change besides it.
  const auto audit = audit_entries("contacts", id_of(created));
  ASSERT_EQ(audit.size(), 5u);  // delete, create_note, update, create_note, create
  const std::vector<std::string> expected{"note " + id_of(second), "note " + id_of(first),
                                          "change " + std::to_string(audit[0].id) + " delete",
                                          "change " + std::to_string(audit[2].id) + " update",
                                          "change " + std::to_string(audit[4].id) + " create"};
  EXPECT_EQ(got, expected);

  for (const auto& item : items) EXPECT_EQ(item.at("at"), items[0].at("at"));
  const auto& note = items[0].at("note").as_object();
  EXPECT_EQ(note.at("body").as_string(), "ประชุมวันอังคาร");
  EXPECT_EQ(std::to_string(note.at("contact_id").as_int64()), id_of(created));
  const auto& update = items[3].at("change").as_object();
  EXPECT_EQ(update.at("actor_id").as_int64(), audit[2].actor_id.value());
  EXPECT_FALSE(update.at("redacted").as_bool());
  const auto& given = update.at("changes").at("given_name").as_object();
  EXPECT_EQ(given.at("before").as_string(), "Ada");
  EXPECT_EQ(given.at("after").as_string(), "Augusta Ada");
  EXPECT_FALSE(update.contains("client_address"));
}

TEST_P(TimelineApi, PagesGiveEveryItemOnceNewestFirst) {
  const std::int64_t start = *now_;
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string contact = "/api/v1/contacts/" + id_of(created);
  std::string etag = etag_of(created);
  // Two notes and two changes a second, alternating, so that pages split seconds and ties.
  for (int i = 0; i < 8; ++i) {
    set_time(start + 1 + i / 2);
    ASSERT_EQ(
        east.write(bhttp::verb::post, contact + "/notes", note_json("note " + std::to_string(i)))
            .status,
        201u);
    auto edited =
        east.write(bhttp::verb::patch, contact, R"({"family_name":"L)" + std::to_string(i) + "\"}",
                   {{"If-Match", etag}});
    ASSERT_EQ(edited.status, 200u) << edited.body;
    etag = etag_of(edited);
  }
  const auto all = read_all(east, contact, 500);
  ASSERT_EQ(all.size(), 17u);  // the creation, 8 notes, 8 updates
  EXPECT_EQ(
      all.back(),
      "change " + std::to_string(audit_entries("contacts", id_of(created)).back().id) + " create");
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), all.size());
  for (int limit : {1, 2, 3, 5, 16, 17}) {
    EXPECT_EQ(read_all(east, contact, limit), all) << "limit " << limit;
  }

  auto newest = timeline(east, contact, "?limit=17").json();
  std::string previous = "9999";
  for (const auto& item : newest.at("items").as_array()) {
    const std::string at(item.at("at").as_string());
    EXPECT_LE(at, previous);
    previous = at;
  }
}

TEST_P(TimelineApi, CompaniesHaveATimelineToo) {
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/companies", R"({"name":"Acme"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string company = "/api/v1/companies/" + id_of(created);
  auto note = east.write(bhttp::verb::post, company + "/notes", note_json("met the buyer"));
  ASSERT_EQ(note.status, 201u) << note.body;
  auto reply = timeline(east, company);
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json::value page = reply.json();
  const auto& items = page.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(describe_item(items[0]), "note " + id_of(note));
  EXPECT_EQ(items[0].at("note").at("company_id").as_int64(), created.json().at("id").as_int64());
  EXPECT_EQ(items[1].at("change").at("action").as_string(), "create");
}

// Activities that link to a record are on its timeline at the time they were logged, among its
// notes and changes; one the caller may not read is not.
TEST_P(TimelineApi, LinkedActivitiesAreOnTheTimeline) {
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string contact = "/api/v1/contacts/" + id_of(created);
  const std::string ada = id_of(created);
  set_time(*now_ + 60);
  auto call = east.write(bhttp::verb::post, "/api/v1/activities",
                         R"({"type":"call","subject":"Intro call","contact_ids":[)" + ada + "]}");
  ASSERT_EQ(call.status, 201u) << call.body;
  set_time(*now_ + 60);
  auto note = east.write(bhttp::verb::post, contact + "/notes", note_json("sent the deck"));
  ASSERT_EQ(note.status, 201u) << note.body;
  // West's meeting with Ada, outside east's scope for activities.
  auto admin = login("admin@example.org");
  set_time(*now_ + 60);
  auto west = login("west@example.org");
  auto west_id = west.send(bhttp::verb::get, "/api/v1/session").json().at("user_id").as_int64();
  auto hidden =
      admin.write(bhttp::verb::post, "/api/v1/activities",
                  R"({"type":"meeting","subject":"West's visit","owner_id":)" +
                      std::to_string(west_id) + R"(,"team_id":null,"contact_ids":[)" + ada + "]}");
  ASSERT_EQ(hidden.status, 201u) << hidden.body;

  auto all = read_all(admin, contact, 10);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0], "activity " + id_of(hidden));
  EXPECT_EQ(all[1], "note " + id_of(note));
  EXPECT_EQ(all[2], "activity " + id_of(call));
  EXPECT_TRUE(all[3].starts_with("change ")) << all[3];
  // East may not read west's meeting: the rest of the timeline, in pages of two.
  EXPECT_EQ(read_all(east, contact, 2), std::vector<std::string>(all.begin() + 1, all.end()));
  auto page = timeline(east, contact).json();
  EXPECT_EQ(page.at("items").at(1).at("activity").at("subject").as_string(), "Intro call");
}

TEST_P(TimelineApi, OnlyWhoMayReadTheRecordSeesItsTimeline) {
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string contact = "/api/v1/contacts/" + id_of(created);
  ASSERT_EQ(east.write(bhttp::verb::post, contact + "/notes", note_json("private plans")).status,
            201u);

  auto west = login("west@example.org");
  auto hidden = timeline(west, contact);
  EXPECT_EQ(hidden.status, 404u) << hidden.body;
  EXPECT_EQ(hidden.body.find("private"), std::string::npos);
  EXPECT_EQ(timeline(west, "/api/v1/contacts/999999").status, 404u);

  // The record's history is for anyone who may read the record, not only for admins.
  for (const char* email : {"viewer@example.org", "admin@example.org"}) {
    auto reply = timeline(login(email), contact);
    ASSERT_EQ(reply.status, 200u) << email << ": " << reply.body;
    EXPECT_EQ(reply.json().at("items").as_array().size(), 2u) << email;
  }
  auto token = with_token("viewer@example.org", store::TokenScope::kRead);
  EXPECT_EQ(timeline(token, contact).status, 200u);
  EXPECT_EQ(timeline(Client{server_->port(), {}, {}, {}}, contact).status, 401u);
}

TEST_P(TimelineApi, AnErasedRecordHasNoTimeline) {
  auto admin = login("admin@example.org");
  auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string contact = "/api/v1/contacts/" + id_of(created);
  ASSERT_EQ(admin.write(bhttp::verb::post, contact + "/notes", note_json("secret")).status, 201u);
  ASSERT_EQ(timeline(admin, contact).status, 200u);
  ASSERT_EQ(admin.write(bhttp::verb::post, contact + "/erase").status, 204u);
  // The log keeps the entries, redacted; the timeline, like the record, is gone.
  EXPECT_FALSE(audit_entries("contacts", id_of(created)).empty());
  auto reply = timeline(admin, contact);
  EXPECT_EQ(reply.status, 404u) << reply.body;
  EXPECT_EQ(reply.body.find("secret"), std::string::npos);
}

TEST_P(TimelineApi, BadPageRequestsAreFieldErrors) {
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/contacts", kAda);
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string contact = "/api/v1/contacts/" + id_of(created);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(east.write(bhttp::verb::post, contact + "/notes", note_json("n")).status, 201u);
  }
  auto notes_page = east.send(bhttp::verb::get, contact + "/notes?limit=1").json();
  const std::string notes_cursor(notes_page.at("next").as_string());
  const std::vector<std::pair<std::string, std::string>> cases{
      {"?after=not-a-cursor", "after"},
      {"?after=" + notes_cursor, "after"},
      {"?limit=0", "limit"},
      {"?limit=501", "limit"},
      {"?limit=ten", "limit"},
      {"?sort=at", "sort"},
      {"?q=n", "q"},
      {"?filter[type]=note", "filter"},
  };
  for (const auto& [query, field] : cases) {
    auto reply = timeline(east, contact, query);
    EXPECT_EQ(reply.status, 422u) << query << ": " << reply.body;
    EXPECT_EQ(std::string(reply.headers[bhttp::field::content_type]), "application/problem+json")
        << query;
    EXPECT_EQ(error_fields(reply), std::vector<std::string>{field}) << query;
  }
}

RAPPORT_API_ENGINES(TimelineApi);

}  // namespace
}  // namespace rapport::app
