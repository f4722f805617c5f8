// The notes API end to end on both engines: a record's timeline (create, list newest first,
// edit, delete), 412 on a stale If-Match, record scope through the parent (another team's
// contact's notes are 404), read-only callers, who may edit a note, search by the words of a
// note (Thai included), the trash, erasure, and bad input answered as problems.
#include <string>
#include <vector>

#include "api_fixture.hpp"
#include "store/records.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

const std::string kAda = R"({"given_name":"Ada","family_name":"Lovelace"})";

std::string note_json(const std::string& body) {
  return json::serialize(json::object{{"body", body}});
}

std::string etag(const Reply& reply) { return std::string(reply.headers[bhttp::field::etag]); }

std::int64_t id_number(const Reply& reply) { return reply.json().at("id").as_int64(); }

class NotesApi : public ApiTest {
 protected:
  std::int64_t user_id(const std::string& email) {
    services::UserService users(db_->identity(), hasher_, services::system_clock());
    auto user = users.find_by_email(email);
    EXPECT_TRUE(user.ok());
    return user.ok() ? user->id : 0;
  }
  std::optional<std::int64_t> team_of(const std::string& email) {
    services::UserService users(db_->identity(), hasher_, services::system_clock());
    auto user = users.find_by_email(email);
    EXPECT_TRUE(user.ok());
    return user.ok() ? user->team_id : std::nullopt;
  }

  // A contact created by `client`; its id as text.
  std::string contact_of(const Client& client, const std::string& body = kAda) {
    auto created = client.write(bhttp::verb::post, "/api/v1/contacts", body);
    EXPECT_EQ(created.status, 201u) << created.body;
    return std::to_string(id_number(created));
  }

  // A company straight through the store, so that these tests need no company routes.
  std::string company(const std::string& name) {
    core::Company c;
    c.name = name;
    EXPECT_TRUE(core::validate(c, {}, "TH").ok());
    core::Id id = 0;
    auto status = db_->records().write([&](store::CustomerTx& tx, store::IdentityTx&) {
      auto created = store::create(tx, c, store::Stamp{std::nullopt, core::Timestamp{}});
      if (!created.ok()) return core::Status(std::move(created).error());
      id = created->id;
      return core::ok_status();
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return std::to_string(id);
  }

  Reply add_note(const Client& client, const std::string& parent_path, const std::string& body) {
    return client.write(bhttp::verb::post, parent_path + "/notes", note_json(body));
  }

  std::vector<std::int64_t> contact_ids(const Client& client, const std::string& q) {
    auto reply = client.send(bhttp::verb::get, "/api/v1/contacts?q=" + percent_encode(q));
    EXPECT_EQ(reply.status, 200u) << reply.body;
    std::vector<std::int64_t> ids;
    if (reply.status != 200u) return ids;
    const json::value page = reply.json();
    for (const auto& item : page.at("items").as_array()) {
      ids.push_back(item.at("id").as_int64());
    }
    return ids;
  }
};

TEST_P(NotesApi, CreateListEditAndDelete) {
  auto east = login("east@example.org");
  const std::string contact = "/api/v1/contacts/" + contact_of(east);
  std::vector<std::int64_t> ids;
  for (const char* body : {"first call", "sent the quote\nby e-mail", "ประชุมวันอังคาร"}) {
    auto created = add_note(east, contact, body);
    ASSERT_EQ(created.status, 201u) << created.body;
    EXPECT_EQ(etag(created), "\"1\"");
    const auto note = created.json().as_object();
    EXPECT_EQ(std::string(created.headers[bhttp::field::location]),
              "/api/v1/notes/" + std::to_string(note.at("id").as_int64()));
    EXPECT_EQ(std::to_string(note.at("contact_id").as_int64()), contact.substr(17));
    EXPECT_FALSE(note.contains("company_id"));
    EXPECT_EQ(note.at("body").as_string(), body);
    EXPECT_EQ(note.at("version").as_int64(), 1);
    EXPECT_EQ(note.at("created_by").as_int64(), user_id("east@example.org"));
    EXPECT_EQ(note.at("updated_by").as_int64(), user_id("east@example.org"));
    EXPECT_TRUE(note.at("created_at").is_string());
    EXPECT_TRUE(note.at("updated_at").is_string());
    ids.push_back(note.at("id").as_int64());
  }

  auto first = east.send(bhttp::verb::get, contact + "/notes?limit=2");
  ASSERT_EQ(first.status, 200u) << first.body;
  const json::value first_page = first.json();
  const auto& items = first_page.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id").as_int64(), ids[2]);
  EXPECT_EQ(items[1].at("id").as_int64(), ids[1]);
  ASSERT_TRUE(first.json().at("next").is_string());
  auto second = east.send(bhttp::verb::get, contact + "/notes?limit=2&after=" +
                                                std::string(first.json().at("next").as_string()));
  ASSERT_EQ(second.status, 200u) << second.body;
  ASSERT_EQ(second.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(second.json().at("items").as_array()[0].at("id").as_int64(), ids[0]);
  EXPECT_TRUE(second.json().at("next").is_null());

  const std::string note = "/api/v1/notes/" + std::to_string(ids[0]);
  auto read = east.send(bhttp::verb::get, note);
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(etag(read), "\"1\"");
  auto edited = east.write(bhttp::verb::patch, note, note_json("first call, 10 minutes"),
                           {{"If-Match", "\"1\""}});
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_EQ(etag(edited), "\"2\"");
  EXPECT_EQ(edited.json().at("version").as_int64(), 2);
  EXPECT_EQ(edited.json().at("body").as_string(), "first call, 10 minutes");

  auto stale =
      east.write(bhttp::verb::patch, note, note_json("lost update"), {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412u) << stale.body;
  EXPECT_EQ(east.write(bhttp::verb::patch, note, note_json("no version")).status, 428u);
  EXPECT_EQ(east.write(bhttp::verb::delete_, note, "", {{"If-Match", "\"1\""}}).status, 412u);
  EXPECT_EQ(east.send(bhttp::verb::get, note).json().at("body").as_string(),
            "first call, 10 minutes");
  EXPECT_EQ(east.write(bhttp::verb::delete_, note, "", {{"If-Match", "\"2\""}}).status, 204u);
  EXPECT_EQ(east.send(bhttp::verb::get, note).status, 404u);
  auto rest = east.send(bhttp::verb::get, contact + "/notes");
  EXPECT_EQ(rest.json().at("items").as_array().size(), 2u);
}

TEST_P(NotesApi, CompanyTimeline) {
  auto admin = login("admin@example.org");
  const std::string firm = "/api/v1/companies/" + company("Siam Widgets");
  auto created = add_note(admin, firm, "会议纪要: renewal in March");
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(std::to_string(created.json().at("company_id").as_int64()), firm.substr(18));
  EXPECT_FALSE(created.json().as_object().contains("contact_id"));
  auto listed = admin.send(bhttp::verb::get, firm + "/notes");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(listed.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/companies/999999/notes").status, 404u);
  EXPECT_EQ(add_note(admin, "/api/v1/companies/999999", "nobody").status, 404u);
}

TEST_P(NotesApi, AnotherTeamsContactsNotesAreNotFound) {
  auto east = login("east@example.org");
  auto west = login("west@example.org");
  const std::string contact = "/api/v1/contacts/" + contact_of(east);
  auto created = add_note(east, contact, "east team only");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string note = "/api/v1/notes/" + std::to_string(id_number(created));
  EXPECT_EQ(west.send(bhttp::verb::get, contact + "/notes").status, 404u);
  EXPECT_EQ(add_note(west, contact, "sneaky").status, 404u);
  EXPECT_EQ(west.send(bhttp::verb::get, note).status, 404u);
  EXPECT_EQ(west.write(bhttp::verb::patch, note, note_json("x"), {{"If-Match", "\"1\""}}).status,
            404u);
  EXPECT_EQ(west.write(bhttp::verb::delete_, note, "", {{"If-Match", "\"1\""}}).status, 404u);
  EXPECT_EQ(east.send(bhttp::verb::get, note).json().at("body").as_string(), "east team only");
}

TEST_P(NotesApi, ReadOnlyCallersReadButDoNotWrite) {
  auto east = login("east@example.org");
  const std::string contact = "/api/v1/contacts/" + contact_of(east);
  auto created = add_note(east, contact, "visible to everyone who reads contacts");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string note = "/api/v1/notes/" + std::to_string(id_number(created));
  auto viewer = login("viewer@example.org");
  EXPECT_EQ(viewer.send(bhttp::verb::get, contact + "/notes").status, 200u);
  EXPECT_EQ(viewer.send(bhttp::verb::get, note).status, 200u);
  EXPECT_EQ(add_note(viewer, contact, "no").status, 403u);
  EXPECT_EQ(viewer.write(bhttp::verb::patch, note, note_json("no"), {{"If-Match", "\"1\""}}).status,
            403u);
  EXPECT_EQ(viewer.write(bhttp::verb::delete_, note, "", {{"If-Match", "\"1\""}}).status, 403u);
  auto read_token = with_token("admin@example.org", store::TokenScope::kRead);
  EXPECT_EQ(read_token.send(bhttp::verb::get, note).status, 200u);
  EXPECT_EQ(read_token.send(bhttp::verb::post, contact + "/notes", note_json("no")).status, 403u);
  auto listed = east.send(bhttp::verb::get, contact + "/notes");
  EXPECT_EQ(listed.json().at("items").as_array().size(), 1u);
}

TEST_P(NotesApi, TheAuthorOrAManagerMayChangeANote) {
  const auto east_team = team_of("east@example.org");
  add_user("east2@example.org", core::Role::kSales, east_team);
  add_user("boss@example.org", core::Role::kManager, east_team);
  auto east = login("east@example.org");
  auto colleague = login("east2@example.org");
  auto boss = login("boss@example.org");
  const std::string contact = "/api/v1/contacts/" + contact_of(east);
  auto created = add_note(east, contact, "written by east");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string note = "/api/v1/notes/" + std::to_string(id_number(created));

  EXPECT_EQ(colleague.send(bhttp::verb::get, note).status, 200u);
  EXPECT_EQ(
      colleague.write(bhttp::verb::patch, note, note_json("not mine"), {{"If-Match", "\"1\""}})
          .status,
      403u);
  EXPECT_EQ(colleague.write(bhttp::verb::delete_, note, "", {{"If-Match", "\"1\""}}).status, 403u);
  auto own = add_note(colleague, contact, "the colleague's own note");
  ASSERT_EQ(own.status, 201u) << own.body;
  auto moderated = boss.write(bhttp::verb::patch, note, note_json("tidied by the manager"),
                              {{"If-Match", "\"1\""}});
  ASSERT_EQ(moderated.status, 200u) << moderated.body;
  EXPECT_EQ(moderated.json().at("created_by").as_int64(), user_id("east@example.org"));
  EXPECT_EQ(moderated.json().at("updated_by").as_int64(), user_id("boss@example.org"));
  auto by_author =
      east.write(bhttp::verb::patch, note, note_json("east again"), {{"If-Match", "\"2\""}});
  EXPECT_EQ(by_author.status, 200u) << by_author.body;
  auto admin = login("admin@example.org");
  EXPECT_EQ(admin.write(bhttp::verb::delete_, note, "", {{"If-Match", "\"3\""}}).status, 204u);
}

TEST_P(NotesApi, SearchFindsTheContactByTheWordsOfItsNotes) {
  auto east = login("east@example.org");
  auto west = login("west@example.org");
  const std::string id = contact_of(east);
  const std::string other = contact_of(east, R"({"given_name":"Grace","family_name":"Hopper"})");
  auto created = add_note(east, "/api/v1/contacts/" + id, "ประชุมเรื่องสัญญา at Müller GmbH");
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(contact_ids(east, "ประชุม"), std::vector<std::int64_t>{std::stoll(id)});
  EXPECT_EQ(contact_ids(east, "muller"), std::vector<std::int64_t>{std::stoll(id)});
  EXPECT_TRUE(contact_ids(west, "ประชุม").empty());

  const std::string note = "/api/v1/notes/" + std::to_string(id_number(created));
  auto edited =
      east.write(bhttp::verb::patch, note, note_json("quarterly review"), {{"If-Match", "\"1\""}});
  ASSERT_EQ(edited.status, 200u) << edited.body;
  EXPECT_TRUE(contact_ids(east, "ประชุม").empty());
  EXPECT_EQ(contact_ids(east, "quarterly"), std::vector<std::int64_t>{std::stoll(id)});
  EXPECT_EQ(east.write(bhttp::verb::delete_, note, "", {{"If-Match", "\"2\""}}).status, 204u);
  EXPECT_TRUE(contact_ids(east, "quarterly").empty());
  EXPECT_EQ(contact_ids(east, "hopper"), std::vector<std::int64_t>{std::stoll(other)});
}

TEST_P(NotesApi, TrashKeepsNotesAndEraseRemovesThem) {
  auto admin = login("admin@example.org");
  const std::string id = contact_of(admin);
  const std::string contact = "/api/v1/contacts/" + id;
  auto created = add_note(admin, contact, "ข้อมูลส่วนตัว private words");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string note = "/api/v1/notes/" + std::to_string(id_number(created));
  auto edited = admin.write(bhttp::verb::patch, note, note_json("ข้อมูลส่วนตัว more private words"),
                            {{"If-Match", "\"1\""}});
  ASSERT_EQ(edited.status, 200u) << edited.body;
  auto removed = add_note(admin, contact, "deleted before the erasure, still private");
  ASSERT_EQ(admin
                .write(bhttp::verb::delete_, "/api/v1/notes/" + std::to_string(id_number(removed)), "",
                       {{"If-Match", "\"1\""}})
                .status,
            204u);

  ASSERT_EQ(admin.write(bhttp::verb::delete_, contact, "", {{"If-Match", "\"1\""}}).status, 204u);
  EXPECT_EQ(admin.send(bhttp::verb::get, contact + "/notes").json().at("items").as_array().size(),
            1u);
  EXPECT_EQ(admin.send(bhttp::verb::get, note).status, 200u);
  EXPECT_EQ(add_note(admin, contact, "on a trashed contact").status, 409u);
  EXPECT_EQ(admin.write(bhttp::verb::patch, note, note_json("x"), {{"If-Match", "\"2\""}}).status,
            409u);

  ASSERT_EQ(admin.write(bhttp::verb::post, contact + "/erase").status, 204u);
  EXPECT_EQ(admin.send(bhttp::verb::get, note).status, 404u);
  EXPECT_EQ(admin.send(bhttp::verb::get, contact + "/notes").status, 404u);
  EXPECT_TRUE(contact_ids(admin, "ข้อมูลส่วนตัว").empty());
  auto entries = audit_entries("contacts", id);
  std::vector<std::string> actions;
  for (const auto& entry : entries) {
    actions.push_back(entry.action);
    EXPECT_EQ(entry.changes_json.find("private"), std::string::npos) << entry.changes_json;
  }
  for (const char* action : {"create_note", "update_note", "delete_note"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), action), actions.end()) << action;
  }
}

TEST_P(NotesApi, BadInputIsAProblemNeverA500) {
  auto admin = login("admin@example.org");
  const std::string contact = "/api/v1/contacts/" + contact_of(admin);
  auto created = add_note(admin, contact, "a note");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string note = "/api/v1/notes/" + std::to_string(id_number(created));
  const std::vector<std::pair<std::string, unsigned>> bodies = {
      {"{", 400u},
      {"[]", 400u},
      {"{}", 422u},
      {R"({"body":5})", 422u},
      {R"({"body":""})", 422u},
      {R"({"body":" \n "})", 422u},
      {R"({"body":"x","contact_id":3})", 422u},
      {R"({"id":7,"body":"x"})", 422u},
      {R"({"body":"x","created_by":1})", 422u},
      {R"({"body":"nul \u0000 inside"})", 422u},
      {note_json(std::string(core::kMaxNoteBytes + 1, 'a')), 422u}};
  for (const auto& [body, status] : bodies) {
    auto reply = admin.write(bhttp::verb::post, contact + "/notes", body);
    EXPECT_EQ(reply.status, status) << body.substr(0, 80) << " " << reply.body;
    EXPECT_NE(std::string(reply.headers[bhttp::field::content_type]).find("problem+json"),
              std::string::npos);
    auto patched = admin.write(bhttp::verb::patch, note, body, {{"If-Match", "\"1\""}});
    EXPECT_EQ(patched.status, status) << body.substr(0, 80) << " " << patched.body;
  }
  for (const std::string& target :
       {contact + "/notes?limit=0", contact + "/notes?limit=501", contact + "/notes?after=!!",
        contact + "/notes?after=AAAA", contact + "/notes?sort=-created_at", contact + "/notes?q=x",
        contact + "/notes?filter[body]=x", contact + "/notes?nope=1"}) {
    EXPECT_EQ(admin.send(bhttp::verb::get, target).status, 422u) << target;
  }
  for (const std::string& target :
       {std::string("/api/v1/contacts/abc/notes"), std::string("/api/v1/notes/abc"),
        std::string("/api/v1/notes/999999")}) {
    auto reply = admin.send(bhttp::verb::get, target);
    EXPECT_GE(reply.status, 400u) << target;
    EXPECT_LT(reply.status, 500u) << target;
  }
  EXPECT_EQ(add_note(admin, "/api/v1/contacts/999999", "nobody").status, 404u);

  // The longest note there may be: 33,333 Thai characters of three bytes each.
  std::string longest;
  for (int i = 0; i < 33333; ++i) longest += "ก";
  auto big = add_note(admin, contact, longest);
  ASSERT_EQ(big.status, 201u) << big.body.substr(0, 200);
  auto read = admin.send(bhttp::verb::get, "/api/v1/notes/" + std::to_string(id_number(big)));
  EXPECT_EQ(std::string(read.json().at("body").as_string()), longest);
}

RAPPORT_API_ENGINES(NotesApi);

}  // namespace
}  // namespace rapport::app
