// Custom values and record edits through the JSON API on both engines: empty edits change
// nothing, values keep their JSON types, definitions cannot be changed under records that use
// them, and uniqueness reveals nothing about records the caller cannot see.
#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

std::size_t count_items(const Reply& reply) { return reply.json().at("items").as_array().size(); }

class CustomFieldsApi : public ApiTest {
 protected:
  // How many audit entries name `type`/`id`.
  std::size_t audit_count(const std::string& type, const std::string& id) {
    return audit_entries(type, id).size();
  }

  // Defines a custom field and returns its id.
  std::string define(const Client& admin, const std::string& body) {
    auto created = admin.write(bhttp::verb::post, "/api/v1/custom-fields", body);
    EXPECT_EQ(created.status, 201u) << created.body;
    return created.status == 201u ? id_of(created) : "0";
  }
};

TEST_P(CustomFieldsApi, AnEmptyPatchChangesNothing) {
  auto admin = login("admin@example.org");
  const std::string field = define(
      admin, R"({"entity":"contact","key":"tier","label":"Tier","type":"single_select",)"
             R"("options":["gold","silver"]})");
  struct Case {
    std::string base, body, same;
  };
  const std::vector<Case> cases{
      {"/api/v1/contacts", R"({"given_name":"Ada","custom":{"tier":"gold"}})",
       R"({"given_name":"Ada","custom":{"tier":"gold"}})"},
      {"/api/v1/companies", R"({"name":"Siam Widgets","tags":["key"]})",
       R"({"name":"Siam Widgets","tags":["key"]})"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.base);
    auto created = admin.write(bhttp::verb::post, c.base, c.body);
    ASSERT_EQ(created.status, 201u) << created.body;
    const std::string id = id_of(created);
    const std::string type = c.base.substr(c.base.rfind('/') + 1);
    ASSERT_EQ(audit_count(type, id), 1u);
    for (const std::string& patch : {std::string("{}"), c.same}) {
      auto edited =
          admin.write(bhttp::verb::patch, c.base + "/" + id, patch, {{"If-Match", "\"1\""}});
      ASSERT_EQ(edited.status, 200u) << edited.body;
      EXPECT_EQ(etag_of(edited), "\"1\"");
      EXPECT_EQ(edited.json().at("version").as_int64(), 1);
      EXPECT_EQ(edited.json(), created.json());
    }
    EXPECT_EQ(audit_count(type, id), 1u);
    auto read = admin.send(bhttp::verb::get, c.base + "/" + id);
    EXPECT_EQ(etag_of(read), "\"1\"");
    // The version rule still holds for an empty edit.
    EXPECT_EQ(
        admin.write(bhttp::verb::patch, c.base + "/" + id, "{}", {{"If-Match", "\"7\""}}).status,
        412u);
  }
  auto same = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + field, "{}",
                          {{"If-Match", "\"1\""}});
  ASSERT_EQ(same.status, 200u) << same.body;
  EXPECT_EQ(etag_of(same), "\"1\"");
  EXPECT_EQ(audit_count("custom_fields", field), 1u);
}

TEST_P(CustomFieldsApi, EveryTypeRoundTripsWithItsJsonType) {
  auto admin = login("admin@example.org");
  const std::vector<std::pair<std::string, std::string>> fields{
      {"t", "text"},         {"lt", "long_text"},   {"n", "number"},  {"i", "number"},
      {"m", "money"},        {"d", "date"},         {"dt", "date_time"}, {"b", "boolean"},
      {"ss", "single_select"}, {"ms", "multi_select"}, {"u", "url"},  {"e", "email"},
      {"p", "phone"}};
  for (const auto& entity : {"contact", "company"}) {
    for (const auto& [key, type] : fields) {
      std::string options = type == "single_select"   ? R"(,"options":["gold","silver"])"
                            : type == "multi_select" ? R"(,"options":["th","en","zh"])"
                                                     : "";
      define(admin, std::string(R"({"entity":")") + entity + R"(","key":")" + key +
                        R"(","label":")" + key + R"(","type":")" + type + "\"" + options + "}");
    }
  }
  const std::string custom =
      R"({"t":"hello","lt":"line one\nline two","n":42.5,"i":"0042","m":{"amount_minor":125000,)"
      R"("currency":"THB"},"d":"2024-02-29","dt":"2024-01-01T07:00:00+07:00","b":true,)"
      R"("ss":"gold","ms":["th","en"],"u":"https://example.org/a","e":"Ada@Example.ORG",)"
      R"("p":"+66 81 234 5678"})";
  const json::object expected{
      {"t", "hello"},
      {"lt", "line one\nline two"},
      {"n", 42.5},
      {"i", 42},
      {"m", json::object{{"amount_minor", 125000}, {"currency", "THB"}}},
      {"d", "2024-02-29"},
      {"dt", "2024-01-01T00:00:00.000Z"},
      {"b", true},
      {"ss", "gold"},
      {"ms", json::array{"th", "en"}},
      {"u", "https://example.org/a"},
      {"e", "ada@example.org"},
      {"p", "+66812345678"}};
  for (const std::string base : {"/api/v1/contacts", "/api/v1/companies"}) {
    SCOPED_TRACE(base);
    const std::string name = base == "/api/v1/contacts" ? R"("given_name":"Ada")"
                                                        : R"("name":"Siam Widgets")";
    auto created = admin.write(bhttp::verb::post, base, "{" + name + R"(,"custom":)" + custom + "}");
    ASSERT_EQ(created.status, 201u) << created.body;
    EXPECT_EQ(created.json().at("custom"), expected) << created.body;
    EXPECT_NE(created.body.find(R"("n":42.5)"), std::string::npos) << created.body;
    const std::string id = id_of(created);
    auto read = admin.send(bhttp::verb::get, base + "/" + id);
    ASSERT_EQ(read.status, 200u) << read.body;
    EXPECT_EQ(read.json().at("custom"), expected) << read.body;

    // What a client reads, sent back, is the same record: no new version.
    json::object same{{"custom", read.json().at("custom")}};
    auto resent = admin.write(bhttp::verb::patch, base + "/" + id, json::serialize(same),
                              {{"If-Match", "\"1\""}});
    ASSERT_EQ(resent.status, 200u) << resent.body;
    EXPECT_EQ(etag_of(resent), "\"1\"");

    auto edited = admin.write(bhttp::verb::patch, base + "/" + id,
                              R"({"custom":{"n":-0.001,"b":false,"i":1e3,"ms":[]}})",
                              {{"If-Match", "\"1\""}});
    ASSERT_EQ(edited.status, 200u) << edited.body;
    const json::value after = edited.json().at("custom");
    EXPECT_EQ(after.at("n"), json::value(-0.001));
    EXPECT_EQ(after.at("b"), json::value(false));
    EXPECT_EQ(after.at("i"), json::value(1000));
    EXPECT_EQ(after.at("ms"), json::array{});

    // The one money shape: the old minor_units name is refused, and so is a non-number.
    auto old_shape = admin.write(bhttp::verb::patch, base + "/" + id,
                                 R"({"custom":{"m":{"minor_units":1,"currency":"THB"}}})",
                                 {{"If-Match", "\"2\""}});
    EXPECT_EQ(old_shape.status, 422u) << old_shape.body;
    auto not_number = admin.write(bhttp::verb::patch, base + "/" + id,
                                  R"({"custom":{"n":"12,5"}})", {{"If-Match", "\"2\""}});
    EXPECT_EQ(not_number.status, 422u) << not_number.body;
  }
}

TEST_P(CustomFieldsApi, RemovingAnOptionInUseIsRefusedWithItsCount) {
  auto admin = login("admin@example.org");
  const std::string tier = define(
      admin, R"({"entity":"contact","key":"tier","label":"Tier","type":"single_select",)"
             R"("options":["gold","silver","bronze"]})");
  const std::string langs = define(
      admin, R"({"entity":"contact","key":"langs","label":"Languages","type":"multi_select",)"
             R"("options":["th","en","zh"]})");
  for (const std::string body :
       {R"({"given_name":"Ada","custom":{"tier":"gold","langs":["th","en"]}})",
        R"({"given_name":"Bea","custom":{"tier":"gold"}})",
        R"({"given_name":"Cai","custom":{"tier":"silver","langs":["zh"]}})"}) {
    ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/contacts", body).status, 201u);
  }
  auto refused = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + tier,
                             R"({"options":["bronze"]})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(std::string(refused.headers[bhttp::field::content_type]), "application/problem+json");
  const auto errors = refused.json().at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u) << refused.body;
  EXPECT_EQ(errors[0].at("field").as_string(), "options");
  EXPECT_EQ(errors[0].at("message").as_string(), "\"gold\" is used by 2 records");
  EXPECT_EQ(errors[1].at("message").as_string(), "\"silver\" is used by 1 record");
  auto multi = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + langs,
                           R"({"options":["en","zh"]})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(multi.status, 409u) << multi.body;
  EXPECT_EQ(multi.json().at("errors").at(0).at("message").as_string(),
            "\"th\" is used by 1 record");

  // An option nobody uses goes; the records stay editable.
  auto unused = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + tier,
                            R"({"options":["gold","silver"]})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(unused.status, 200u) << unused.body;
  auto listed = admin.send(bhttp::verb::get, "/api/v1/contacts?q=ada");
  ASSERT_EQ(count_items(listed), 1u);
  const std::string ada = std::to_string(listed.json().at("items").at(0).at("id").as_int64());
  EXPECT_EQ(admin
                .write(bhttp::verb::patch, "/api/v1/contacts/" + ada, R"({"notes":"still fine"})",
                       {{"If-Match", "\"1\""}})
                .status,
            200u);
}

TEST_P(CustomFieldsApi, UniqueOverDuplicatesIsRefusedWithThemAndDeleteLeavesSearchAtOnce) {
  auto admin = login("admin@example.org");
  const std::string code = define(
      admin, R"({"entity":"contact","key":"code","label":"Code","type":"text"})");
  std::vector<std::string> ids;
  for (const std::string body : {R"({"given_name":"Ada","custom":{"code":"X-1"}})",
                                 R"({"given_name":"Bea","custom":{"code":"X-1"}})",
                                 R"({"given_name":"Cai","custom":{"code":"zebracorn"}})"}) {
    auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", body);
    ASSERT_EQ(created.status, 201u) << created.body;
    ids.push_back(id_of(created));
  }
  auto refused = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + code,
                             R"({"unique":true})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(refused.status, 409u) << refused.body;
  const auto errors = refused.json().at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << refused.body;
  EXPECT_EQ(errors[0].at("field").as_string(), "unique");
  EXPECT_EQ(errors[0].at("message").as_string(),
            "\"X-1\" is held by records " + ids[0] + ", " + ids[1]);

  ASSERT_EQ(admin
                .write(bhttp::verb::patch, "/api/v1/contacts/" + ids[1],
                       R"({"custom":{"code":"X-2"}})", {{"If-Match", "\"1\""}})
                .status,
            200u);
  auto made_unique = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + code,
                                 R"({"unique":true})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(made_unique.status, 200u) << made_unique.body;

  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/contacts?q=zebracorn")), 1u);
  ASSERT_EQ(admin
                .write(bhttp::verb::delete_, "/api/v1/custom-fields/" + code, {},
                       {{"If-Match", "\"2\""}})
                .status,
            204u);
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/contacts?q=zebracorn")), 0u);
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/contacts?q=cai")), 1u);
}

TEST_P(CustomFieldsApi, AUniqueValueHeldOutOfSightIsTakenWithoutSayingByWhom) {
  auto admin = login("admin@example.org");
  define(admin, R"({"entity":"contact","key":"member_no","label":"Member number",)"
                R"("type":"text","unique":true})");
  auto east = login("east@example.org");
  auto west = login("west@example.org");
  auto held = east.write(bhttp::verb::post, "/api/v1/contacts",
                         R"({"given_name":"Wiraporn","custom":{"member_no":"M-77"}})");
  ASSERT_EQ(held.status, 201u) << held.body;
  const std::string id = id_of(held);
  ASSERT_EQ(west.send(bhttp::verb::get, "/api/v1/contacts/" + id).status, 404u);

  auto taken = west.write(bhttp::verb::post, "/api/v1/contacts",
                          R"({"given_name":"Bea","custom":{"member_no":"M-77"}})");
  ASSERT_EQ(taken.status, 409u) << taken.body;
  const auto errors = taken.json().at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("field").as_string(), "custom/member_no");
  EXPECT_EQ(errors[0].at("message").as_string(), "this value is already in use");
  EXPECT_EQ(taken.body.find("Wiraporn"), std::string::npos) << taken.body;
  EXPECT_EQ(taken.body.find("/contacts/" + id), std::string::npos) << taken.body;
  EXPECT_EQ(taken.body.find("\"id\""), std::string::npos) << taken.body;
}

RAPPORT_API_ENGINES(CustomFieldsApi);

}  // namespace
}  // namespace rapport::app
