// Companies and custom field definitions through the JSON API on both engines: CRUD, versions,
// record scope, roles, trash and erasure, and custom values checked on contact writes.
#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

const std::string kSiam =
    R"({"name":"  Siam Widgets ","domains":["Siam-Widgets.co.th"],"industry":"Manufacturing",)"
    R"("size":"51-200","annual_revenue":{"amount_minor":125000000,"currency":"THB"},)"
    R"("addresses":[{"type":"work","street":"1 Rama IV Rd","locality":"Bangkok",)"
    R"("country":"TH"}],"tags":["key-account"],"notes":"met at a fair"})";

std::size_t count_items(const Reply& reply) { return reply.json().at("items").as_array().size(); }

class CompaniesApi : public ApiTest {
 protected:
  // The audit entries about companies/`id`, newest first.
  std::vector<core::AuditEntry> audit_of(const std::string& id) {
    return audit_entries("companies", id);
  }
};

TEST_P(CompaniesApi, CreateReadUpdateListRoundTrip) {
  auto admin = login("admin@example.org");
  auto created = admin.write(bhttp::verb::post, "/api/v1/companies", kSiam);
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto id = id_of(created);
  EXPECT_EQ(std::string(created.headers[bhttp::field::location]), "/api/v1/companies/" + id);
  EXPECT_EQ(etag_of(created), "\"1\"");
  auto company = created.json().as_object();
  EXPECT_EQ(company.at("name").as_string(), "Siam Widgets");
  EXPECT_EQ(company.at("domains").as_array().at(0).as_string(), "siam-widgets.co.th");
  EXPECT_EQ(company.at("annual_revenue").at("amount_minor").as_int64(), 125000000);
  EXPECT_EQ(company.at("annual_revenue").at("currency").as_string(), "THB");
  EXPECT_EQ(company.at("addresses").as_array().at(0).at("locality").as_string(), "Bangkok");
  EXPECT_FALSE(company.at("owner_id").is_null());
  EXPECT_TRUE(company.at("parent_id").is_null());

  auto read = admin.send(bhttp::verb::get, "/api/v1/companies/" + id);
  ASSERT_EQ(read.status, 200u);
  EXPECT_EQ(read.json(), created.json());

  auto child = admin.write(bhttp::verb::post, "/api/v1/companies",
                           R"({"name":"Siam Widgets Chiang Mai","parent_id":)" + id + "}");
  ASSERT_EQ(child.status, 201u) << child.body;
  EXPECT_EQ(std::to_string(child.json().at("parent_id").as_int64()), id);
  auto cycle = admin.write(bhttp::verb::patch, "/api/v1/companies/" + id,
                           R"({"parent_id":)" + id_of(child) + "}", {{"If-Match", "\"1\""}});
  EXPECT_EQ(cycle.status, 422u) << cycle.body;
  EXPECT_EQ(error_fields(cycle), std::vector<std::string>{"parent_id"});

  auto patched = admin.write(bhttp::verb::patch, "/api/v1/companies/" + id,
                             R"({"industry":"Logistics","annual_revenue":null,"size":null})",
                             {{"If-Match", "\"1\""}});
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(etag_of(patched), "\"2\"");
  EXPECT_EQ(patched.json().at("industry").as_string(), "Logistics");
  EXPECT_TRUE(patched.json().at("annual_revenue").is_null());
  EXPECT_EQ(patched.json().at("name").as_string(), "Siam Widgets");

  auto listed = admin.send(bhttp::verb::get, "/api/v1/companies?filter[industry]=Logistics");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  ASSERT_EQ(count_items(listed), 1u);
  EXPECT_EQ(std::to_string(listed.json().at("items").at(0).at("id").as_int64()), id);
  auto paged = admin.send(bhttp::verb::get, "/api/v1/companies?limit=1&sort=-name");
  ASSERT_EQ(paged.status, 200u) << paged.body;
  EXPECT_EQ(paged.json().at("items").at(0).at("name").as_string(), "Siam Widgets Chiang Mai");
  ASSERT_TRUE(paged.json().at("next").is_string());
  auto second = admin.send(bhttp::verb::get, "/api/v1/companies?limit=1&sort=-name&after=" +
                                                 std::string(paged.json().at("next").as_string()));
  ASSERT_EQ(second.status, 200u) << second.body;
  EXPECT_EQ(second.json().at("items").at(0).at("name").as_string(), "Siam Widgets");
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/companies?q=widgets")), 2u);

  auto entries = audit_of(id);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_NE(entries[0].changes_json.find("Logistics"), std::string::npos);
  EXPECT_NE(entries[0].changes_json.find("125000000 THB"), std::string::npos);
}

TEST_P(CompaniesApi, BadInputIsAFieldErrorNeverA500) {
  auto admin = login("admin@example.org");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"name":"A","nope":1})", "nope"},
      {R"({"name":"A","id":4})", "id"},
      {R"({"name":""})", "name"},
      {R"({"name":"A","size":"huge"})", "size"},
      {R"({"name":"A","domains":["not a domain"]})", "domains/0"},
      {R"({"name":"A","annual_revenue":{"amount_minor":5,"currency":"XXX1"}})",
       "annual_revenue/currency"},
      {R"({"name":"A","annual_revenue":{"amount_minor":-5,"currency":"THB"}})",
       "annual_revenue/amount_minor"},
      {R"({"name":"A","annual_revenue":{"amount":5,"currency":"THB"}})", "annual_revenue/amount"},
      {R"({"name":"A","addresses":[{"country":"Thailand"}]})", "addresses/0/country"},
      {R"({"name":"A","parent_id":999999})", "parent_id"},
      {R"({"name":"A","owner_id":"me"})", "owner_id"},
      {R"({"name":"A","custom":{"unknown":"x"}})", "custom/unknown"},
  };
  for (const auto& [body, field] : cases) {
    auto reply = admin.write(bhttp::verb::post, "/api/v1/companies", body);
    EXPECT_EQ(reply.status, 422u) << body << " " << reply.body;
    auto fields = error_fields(reply);
    EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end())
        << body << " " << reply.body;
  }
  for (const std::string target :
       {"/api/v1/companies?limit=0", "/api/v1/companies?sort=password",
        "/api/v1/companies?shelf=attic", "/api/v1/companies?filter[secret]=1",
        "/api/v1/companies/abc", "/api/v1/custom-fields?entity=deal"}) {
    auto reply = admin.send(bhttp::verb::get, target);
    EXPECT_GE(reply.status, 400u) << target;
    EXPECT_LT(reply.status, 500u) << target << " " << reply.body;
  }
}

TEST_P(CompaniesApi, StaleIfMatchIs412AndAMissingOneIsRefused) {
  auto a = login("admin@example.org");
  auto created = a.write(bhttp::verb::post, "/api/v1/companies", kSiam);
  const auto id = id_of(created);
  const auto etag = etag_of(created);
  ASSERT_EQ(a.write(bhttp::verb::patch, "/api/v1/companies/" + id, R"({"notes":"first"})",
                    {{"If-Match", etag}})
                .status,
            200u);
  auto stale = a.write(bhttp::verb::patch, "/api/v1/companies/" + id, R"({"notes":"second"})",
                       {{"If-Match", etag}});
  EXPECT_EQ(stale.status, 412u) << stale.body;
  EXPECT_EQ(
      a.write(bhttp::verb::delete_, "/api/v1/companies/" + id, {}, {{"If-Match", etag}}).status,
      412u);
  EXPECT_EQ(a.write(bhttp::verb::patch, "/api/v1/companies/" + id, R"({"notes":"x"})").status,
            428u);
  EXPECT_EQ(a.send(bhttp::verb::get, "/api/v1/companies/" + id).json().at("notes").as_string(),
            "first");
}

TEST_P(CompaniesApi, AnotherTeamsCompanyIsInvisibleToSales) {
  auto east = login("east@example.org");
  auto west = login("west@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/companies", kSiam);
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto id = id_of(created);
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/companies/" + id).status, 200u);
  EXPECT_EQ(west.send(bhttp::verb::get, "/api/v1/companies/" + id).status, 404u);
  EXPECT_EQ(west.write(bhttp::verb::patch, "/api/v1/companies/" + id, R"({"notes":"x"})",
                       {{"If-Match", "\"1\""}})
                .status,
            404u);
  EXPECT_EQ(count_items(west.send(bhttp::verb::get, "/api/v1/companies")), 0u);
  EXPECT_EQ(count_items(west.send(bhttp::verb::get, "/api/v1/companies?q=Siam")), 0u);
  EXPECT_EQ(count_items(east.send(bhttp::verb::get, "/api/v1/companies?q=Siam")), 1u);
  // Nor can west link a contact to it, which would reveal it and index its name.
  auto linked = west.write(bhttp::verb::post, "/api/v1/contacts",
                           R"({"given_name":"Wan","companies":[{"company_id":)" + id + "}]}");
  EXPECT_EQ(linked.status, 422u) << linked.body;
  EXPECT_EQ(error_fields(linked), std::vector<std::string>{"companies/0/company_id"});
  // Sales people assign only themselves and their own team.
  auto other_team = west.write(bhttp::verb::post, "/api/v1/companies",
                               R"({"name":"Elsewhere","team_id":)" +
                                   std::to_string(created.json().at("team_id").as_int64()) + "}");
  EXPECT_EQ(other_team.status, 403u) << other_team.body;
}

TEST_P(CompaniesApi, ContactSearchMatchesOnlyTheNamesOfCompaniesTheCallerMayRead) {
  auto admin = login("admin@example.org");
  auto east = login("east@example.org");
  auto west = login("west@example.org");
  const auto east_company = id_of(east.write(bhttp::verb::post, "/api/v1/companies", kSiam));
  const auto west_company =
      id_of(west.write(bhttp::verb::post, "/api/v1/companies", R"({"name":"Lanna Textiles"})"));
  auto me = west.send(bhttp::verb::get, "/api/v1/me").json();
  // An admin links west's contact to a company of each team.
  auto contact = admin.write(
      bhttp::verb::post, "/api/v1/contacts",
      R"({"given_name":"Somchai","owner_id":)" + std::to_string(me.at("id").as_int64()) +
          R"(,"team_id":)" + std::to_string(me.at("team_id").as_int64()) +
          R"(,"companies":[{"company_id":)" + east_company + R"(},{"company_id":)" +
          west_company + "}]}");
  ASSERT_EQ(contact.status, 201u) << contact.body;
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/contacts?q=widgets")), 1u);
  EXPECT_EQ(count_items(west.send(bhttp::verb::get, "/api/v1/contacts?q=widgets")), 0u);
  EXPECT_EQ(count_items(west.send(bhttp::verb::get, "/api/v1/contacts?q=si")), 0u);
  EXPECT_EQ(count_items(west.send(bhttp::verb::get, "/api/v1/contacts?q=lanna")), 1u);
  EXPECT_EQ(count_items(west.send(bhttp::verb::get, "/api/v1/contacts?q=somchai")), 1u);
  EXPECT_EQ(count_items(east.send(bhttp::verb::get, "/api/v1/contacts?q=widgets")), 0u);
}

TEST_P(CompaniesApi, OneAndTwoCharacterChineseAndThaiQueries) {
  auto admin = login("admin@example.org");
  const auto company =
      id_of(admin.write(bhttp::verb::post, "/api/v1/companies", R"({"name":"台灣精密工業"})"));
  auto chan = admin.write(bhttp::verb::post, "/api/v1/contacts",
                          R"({"given_name":"大文","family_name":"陳","companies":[{"company_id":)" +
                              company + "}]}");
  ASSERT_EQ(chan.status, 201u) << chan.body;
  auto thai = admin.write(bhttp::verb::post, "/api/v1/contacts",
                          R"({"given_name":"สมชาย","family_name":"ใจดี","notes":"ลูกค้ามาก"})");
  ASSERT_EQ(thai.status, 201u) << thai.body;
  auto lookup = [&](const std::string& path, const std::string& q) {
    auto reply = admin.send(bhttp::verb::get, path + "?q=" + percent_encode(q));
    EXPECT_EQ(reply.status, 200u) << q << " " << reply.body;
    return count_items(reply);
  };
  EXPECT_EQ(lookup("/api/v1/contacts", "陳"), 1u);
  EXPECT_EQ(lookup("/api/v1/contacts", "台灣"), 1u);
  EXPECT_EQ(lookup("/api/v1/contacts", "精密"), 1u);
  EXPECT_EQ(lookup("/api/v1/companies", "精密"), 1u);
  EXPECT_EQ(lookup("/api/v1/companies", "台"), 1u);
  EXPECT_EQ(lookup("/api/v1/contacts", "ส"), 1u);
  EXPECT_EQ(lookup("/api/v1/contacts", "มา"), 1u);
  EXPECT_EQ(lookup("/api/v1/contacts", "x"), 0u);
}

TEST_P(CompaniesApi, ReadOnlyCallersCannotWrite) {
  auto admin = login("admin@example.org");
  const auto id = id_of(admin.write(bhttp::verb::post, "/api/v1/companies", kSiam));
  auto viewer = login("viewer@example.org");
  EXPECT_EQ(viewer.send(bhttp::verb::get, "/api/v1/companies/" + id).status, 200u);
  EXPECT_EQ(viewer.write(bhttp::verb::post, "/api/v1/companies", kSiam).status, 403u);
  EXPECT_EQ(viewer
                .write(bhttp::verb::patch, "/api/v1/companies/" + id, R"({"notes":"x"})",
                       {{"If-Match", "\"1\""}})
                .status,
            403u);
  EXPECT_EQ(
      viewer.write(bhttp::verb::delete_, "/api/v1/companies/" + id, {}, {{"If-Match", "\"1\""}})
          .status,
      403u);
  auto token = with_token("admin@example.org", store::TokenScope::kRead);
  EXPECT_EQ(token.send(bhttp::verb::post, "/api/v1/companies", kSiam).status, 403u);
  EXPECT_EQ(token.send(bhttp::verb::get, "/api/v1/companies/" + id).status, 200u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/companies/" + id).json().at("version").as_int64(),
            1);
}

TEST_P(CompaniesApi, TrashRestoreAndEraseLeavingOnlyIdsInTheAudit) {
  auto admin = login("admin@example.org");
  auto east = login("east@example.org");
  auto created = east.write(bhttp::verb::post, "/api/v1/companies", kSiam);
  const auto id = id_of(created);
  // Sales people may not delete companies at all.
  EXPECT_EQ(east.write(bhttp::verb::delete_, "/api/v1/companies/" + id, {}, {{"If-Match", "\"1\""}})
                .status,
            403u);
  EXPECT_EQ(
      admin.write(bhttp::verb::delete_, "/api/v1/companies/" + id, {}, {{"If-Match", "\"1\""}})
          .status,
      204u);
  auto trashed = admin.send(bhttp::verb::get, "/api/v1/companies/" + id);
  EXPECT_FALSE(trashed.json().at("deleted_at").is_null());
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/companies")), 0u);
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/companies?shelf=trash")), 1u);
  EXPECT_EQ(east.send(bhttp::verb::get, "/api/v1/companies?shelf=trash").status, 403u);
  auto restored = admin.write(bhttp::verb::post, "/api/v1/companies/" + id + "/restore", {},
                              {{"If-Match", "\"2\""}});
  ASSERT_EQ(restored.status, 200u) << restored.body;
  EXPECT_TRUE(restored.json().at("deleted_at").is_null());
  EXPECT_EQ(etag_of(restored), "\"3\"");

  EXPECT_EQ(east.write(bhttp::verb::post, "/api/v1/companies/" + id + "/erase").status, 403u);
  EXPECT_EQ(admin.write(bhttp::verb::post, "/api/v1/companies/" + id + "/erase").status, 204u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/companies/" + id).status, 404u);
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/companies?q=Siam")), 0u);
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/companies?shelf=trash")), 0u);
  EXPECT_EQ(admin.write(bhttp::verb::post, "/api/v1/companies/" + id + "/erase").status, 404u);

  auto entries = audit_of(id);
  ASSERT_EQ(entries.size(), 4u);  // create, delete, restore, erase
  EXPECT_EQ(entries[0].action, "erase");
  for (const auto& e : entries) {
    EXPECT_EQ(e.changes_json.find("Siam"), std::string::npos) << e.changes_json;
    EXPECT_EQ(e.changes_json.find("Bangkok"), std::string::npos) << e.changes_json;
  }
  EXPECT_EQ(entries.back().action, "create");
  EXPECT_EQ(entries.back().changes_json, core::kRedactedChanges);
}

TEST_P(CompaniesApi, CustomFieldDefinitionsAreAdminsToWriteAndEveryonesToRead) {
  auto admin = login("admin@example.org");
  auto east = login("east@example.org");
  const std::string tier =
      R"({"entity":"contact","key":"tier","label":"Tier","type":"single_select",)"
      R"("options":["gold","silver"]})";
  EXPECT_EQ(east.write(bhttp::verb::post, "/api/v1/custom-fields", tier).status, 403u);
  auto created = admin.write(bhttp::verb::post, "/api/v1/custom-fields", tier);
  ASSERT_EQ(created.status, 201u) << created.body;
  const auto id = id_of(created);
  EXPECT_EQ(created.json().at("type").as_string(), "single_select");
  EXPECT_EQ(admin.write(bhttp::verb::post, "/api/v1/custom-fields", tier).status, 409u);
  auto bad = admin.write(bhttp::verb::post, "/api/v1/custom-fields",
                         R"({"entity":"deal","key":"9x","label":"","type":"colour"})");
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(error_fields(bad), (std::vector<std::string>{"entity", "type"})) << bad.body;

  auto viewer = login("viewer@example.org");
  auto listed = viewer.send(bhttp::verb::get, "/api/v1/custom-fields?entity=contact");
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(count_items(listed), 1u);
  EXPECT_EQ(count_items(viewer.send(bhttp::verb::get, "/api/v1/custom-fields?entity=company")), 0u);
  EXPECT_EQ(viewer.send(bhttp::verb::get, "/api/v1/custom-fields/" + id).status, 200u);
  EXPECT_EQ(viewer.send(bhttp::verb::get, "/api/v1/custom-fields/999999").status, 404u);

  EXPECT_EQ(east.write(bhttp::verb::patch, "/api/v1/custom-fields/" + id, R"({"label":"x"})",
                       {{"If-Match", "\"1\""}})
                .status,
            403u);
  auto fixed = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + id, R"({"type":"text"})",
                           {{"If-Match", "\"1\""}});
  EXPECT_EQ(fixed.status, 422u) << fixed.body;
  auto relabelled = admin.write(bhttp::verb::patch, "/api/v1/custom-fields/" + id,
                                R"({"label":"Loyalty tier","options":["gold","silver","bronze"]})",
                                {{"If-Match", "\"1\""}});
  ASSERT_EQ(relabelled.status, 200u) << relabelled.body;
  EXPECT_EQ(relabelled.json().at("options").as_array().size(), 3u);
  EXPECT_EQ(admin
                .write(bhttp::verb::patch, "/api/v1/custom-fields/" + id, R"({"label":"y"})",
                       {{"If-Match", "\"1\""}})
                .status,
            412u);
  EXPECT_EQ(
      east.write(bhttp::verb::delete_, "/api/v1/custom-fields/" + id, {}, {{"If-Match", "\"2\""}})
          .status,
      403u);
  EXPECT_EQ(
      admin.write(bhttp::verb::delete_, "/api/v1/custom-fields/" + id, {}, {{"If-Match", "\"2\""}})
          .status,
      204u);
  EXPECT_EQ(count_items(viewer.send(bhttp::verb::get, "/api/v1/custom-fields")), 0u);

  auto entries = audit_entries("custom_fields", id);
  ASSERT_EQ(entries.size(), 3u);  // create, update, delete
  EXPECT_EQ(entries[0].action, "delete");
  EXPECT_NE(entries[1].changes_json.find("Loyalty tier"), std::string::npos);
}

TEST_P(CompaniesApi, CustomValuesAreCheckedOnContactWrites) {
  auto admin = login("admin@example.org");
  ASSERT_EQ(admin
                .write(bhttp::verb::post, "/api/v1/custom-fields",
                       R"({"entity":"contact","key":"tier","label":"Tier",)"
                       R"("type":"single_select","options":["gold","silver"]})")
                .status,
            201u);
  ASSERT_EQ(admin
                .write(bhttp::verb::post, "/api/v1/custom-fields",
                       R"({"entity":"contact","key":"member_no","label":"Member number",)"
                       R"("type":"text","unique":true})")
                .status,
            201u);
  auto bad = admin.write(bhttp::verb::post, "/api/v1/contacts",
                         R"({"given_name":"Ada","custom":{"tier":"platinum"}})");
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(error_fields(bad), std::vector<std::string>{"custom/tier"});

  auto first = admin.write(bhttp::verb::post, "/api/v1/contacts",
                           R"({"given_name":"Ada","custom":{"tier":"gold","member_no":"M-1"}})");
  ASSERT_EQ(first.status, 201u) << first.body;
  auto taken = admin.write(bhttp::verb::post, "/api/v1/contacts",
                           R"({"given_name":"Bea","custom":{"member_no":"M-1"}})");
  EXPECT_EQ(taken.status, 409u) << taken.body;
  EXPECT_EQ(error_fields(taken), std::vector<std::string>{"custom/member_no"});

  // A field made required is enforced on the next write of every contact.
  auto tier = admin.send(bhttp::verb::get, "/api/v1/custom-fields?entity=contact");
  const auto tier_id = std::to_string(tier.json().at("items").at(0).at("id").as_int64());
  ASSERT_EQ(admin
                .write(bhttp::verb::patch, "/api/v1/custom-fields/" + tier_id,
                       R"({"required":true})", {{"If-Match", "\"1\""}})
                .status,
            200u);
  auto missing = admin.write(bhttp::verb::post, "/api/v1/contacts", R"({"given_name":"Cai"})");
  EXPECT_EQ(missing.status, 422u) << missing.body;
  EXPECT_EQ(error_fields(missing), std::vector<std::string>{"custom/tier"});
  EXPECT_EQ(admin
                .write(bhttp::verb::post, "/api/v1/contacts",
                       R"({"given_name":"Cai","custom":{"tier":"silver"}})")
                .status,
            201u);
}

TEST_P(CompaniesApi, ContactSearchFollowsItsCompanysRenameAndErasure) {
  auto admin = login("admin@example.org");
  auto company = admin.write(bhttp::verb::post, "/api/v1/companies", kSiam);
  const auto company_id = id_of(company);
  auto contact = admin.write(bhttp::verb::post, "/api/v1/contacts",
                             R"({"given_name":"Somchai","companies":[{"company_id":)" + company_id +
                                 R"(,"job_title":"Buyer"}]})");
  ASSERT_EQ(contact.status, 201u) << contact.body;
  const auto contact_id = id_of(contact);
  EXPECT_EQ(contact.json().at("companies").at(0).at("job_title").as_string(), "Buyer");
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/contacts?q=widgets")), 1u);

  auto renamed = admin.write(bhttp::verb::patch, "/api/v1/companies/" + company_id,
                             R"({"name":"Chao Phraya Traders"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(renamed.status, 200u) << renamed.body;
  auto found = admin.send(bhttp::verb::get, "/api/v1/contacts?q=phraya");
  ASSERT_EQ(count_items(found), 1u) << found.body;
  EXPECT_EQ(std::to_string(found.json().at("items").at(0).at("id").as_int64()), contact_id);
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/contacts?q=widgets")), 0u);

  ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/companies/" + company_id + "/erase").status,
            204u);
  EXPECT_EQ(count_items(admin.send(bhttp::verb::get, "/api/v1/contacts?q=phraya")), 0u);
  auto after = admin.send(bhttp::verb::get, "/api/v1/contacts/" + contact_id);
  ASSERT_EQ(after.status, 200u);
  EXPECT_TRUE(after.json().at("companies").as_array().empty());
  auto edited = admin.write(bhttp::verb::patch, "/api/v1/contacts/" + contact_id,
                            R"({"notes":"still editable"})", {{"If-Match", etag_of(after)}});
  EXPECT_EQ(edited.status, 200u) << edited.body;
}

RAPPORT_API_ENGINES(CompaniesApi);

}  // namespace
}  // namespace rapport::app
