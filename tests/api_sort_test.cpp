// Sorting lists through the JSON API on both engines: names in the Unicode Collation Algorithm's
// order with exact keyset pages, and the fields a new user could not sort or filter on before
// (owner, preferred language, time zone, custom fields).
#include "api_fixture.hpp"
#include "core/collation.hpp"
#include "services/record_reindex.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

using SortApi = ApiTest;
using Names = std::vector<std::string>;

// The `field` of every item on every page of `target`, two items a page.
Names paged(Client& client, const std::string& target, const char* field = "display_name") {
  Names names;
  std::string after;
  for (int guard = 0; guard < 50; ++guard) {
    auto reply = client.send(bhttp::verb::get, target + "&limit=2" + after);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    if (reply.status != 200u) break;
    const json::value body = reply.json();
    for (const auto& item : body.at("items").as_array()) {
      names.emplace_back(item.at(field).as_string());
    }
    const json::value& next = body.at("next");
    if (next.is_null()) break;
    after = "&after=" + std::string(next.as_string());
  }
  return names;
}

TEST_P(SortApi, NamesSortByLanguageRulesAcrossPages) {
  auto admin = login("admin@example.org");
  for (const char* family :
       {"van Dijk", "Ĳsselmeer", "de Vries", "Dekker", "Ibrahim", "émile", "Bakker"}) {
    auto created =
        admin.write(bhttp::verb::post, "/api/v1/contacts",
                    R"({"given_name":"A","family_name":")" + std::string(family) + R"("})");
    ASSERT_EQ(created.status, 201u) << created.body;
  }
  Names ascending{"Bakker", "de Vries", "Dekker", "émile", "Ibrahim", "Ĳsselmeer", "van Dijk"};
  EXPECT_EQ(paged(admin, "/api/v1/contacts?sort=family_name", "family_name"), ascending);
  EXPECT_EQ(paged(admin, "/api/v1/contacts?sort=-family_name", "family_name"),
            Names(ascending.rbegin(), ascending.rend()));
  for (const char* name : {"ĲsselTech", "de Boer BV", "Aalders"}) {
    ASSERT_EQ(admin
                  .write(bhttp::verb::post, "/api/v1/companies",
                         R"({"name":")" + std::string(name) + R"("})")
                  .status,
              201u);
  }
  EXPECT_EQ(paged(admin, "/api/v1/companies?sort=name", "name"),
            (Names{"Aalders", "de Boer BV", "ĲsselTech"}));
}

TEST_P(SortApi, OwnerLanguageTimeZoneAndCustomFieldsSortAndFilter) {
  auto admin = login("admin@example.org");
  ASSERT_EQ(admin
                .write(bhttp::verb::post, "/api/v1/custom-fields",
                       R"({"entity":"contact","key":"score","label":"Score","type":"number"})")
                .status,
            201u);
  // Contacts are the creator's unless given to someone else: Ben goes to a sales rep.
  std::string rep = std::to_string(login("east@example.org")
                                       .send(bhttp::verb::get, "/api/v1/session")
                                       .json()
                                       .at("user_id")
                                       .as_int64());
  struct Row {
    const char* name;
    const char* extra;
  };
  for (const Row& r :
       {Row{"Ann",
            R"("preferred_language":"nl","time_zone":"Europe/Amsterdam","custom":{"score":7})"},
        Row{"Ben", R"("preferred_language":"th","time_zone":"Asia/Bangkok","custom":{"score":-1})"},
        Row{"Cor", R"("preferred_language":"fil","time_zone":"Asia/Manila")"}}) {
    std::string body = R"({"given_name":")" + std::string(r.name) + "\"," + r.extra;
    if (std::string(r.name) == "Ben") body += R"(,"owner_id":)" + rep;
    auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", body + "}");
    ASSERT_EQ(created.status, 201u) << created.body;
  }
  EXPECT_EQ(paged(admin, "/api/v1/contacts?sort=preferred_language"), (Names{"Cor", "Ann", "Ben"}));
  EXPECT_EQ(paged(admin, "/api/v1/contacts?sort=-time_zone"), (Names{"Ann", "Cor", "Ben"}));
  EXPECT_EQ(paged(admin, "/api/v1/contacts?sort=custom.score"), (Names{"Cor", "Ben", "Ann"}));
  EXPECT_EQ(paged(admin, "/api/v1/contacts?sort=-owner_id"), (Names{"Ben", "Cor", "Ann"}));
  EXPECT_EQ(paged(admin, "/api/v1/contacts?filter[time_zone][contains]=Asia&sort=display_name"),
            (Names{"Ben", "Cor"}));
  EXPECT_EQ(paged(admin, "/api/v1/contacts?filter[preferred_language]=nl&sort=display_name"),
            Names{"Ann"});
  auto unknown = admin.send(bhttp::verb::get, "/api/v1/contacts?sort=custom.nope");
  EXPECT_EQ(unknown.status, 422u) << unknown.body;
  EXPECT_EQ(error_fields(unknown), Names{"sort"});
}

TEST_P(SortApi, AnotherIcuVersionComputesTheStoredSortKeysAgain) {
  auto admin = login("admin@example.org");
  ASSERT_EQ(
      admin.write(bhttp::verb::post, "/api/v1/contacts", R"({"given_name":"Ĳsbrand"})").status,
      201u);
  ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/companies", R"({"name":"de Boer BV"})").status,
            201u);
  auto first = services::reindex_stored_records(db_->records());
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto idle = services::reindex_stored_records(db_->records());
  ASSERT_TRUE(idle.ok());
  EXPECT_EQ(idle->total(), 0);  // nothing due: same ICU, no mark

  // As if the database had been sorted by an older ICU.
  ASSERT_TRUE(db_->records()
                  .write([](store::CustomerTx& tx, store::IdentityTx&) {
                    return tx.set_setting("collation_version", "icu-root-secondary-0.0");
                  })
                  .ok());
  auto again = services::reindex_stored_records(db_->records());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->of(core::RecordKind::kContact), 1);
  EXPECT_EQ(again->of(core::RecordKind::kCompany), 1);
  std::optional<std::string> recorded;
  ASSERT_TRUE(db_->records()
                  .read([&](store::CustomerTx& tx) -> core::Status {
                    RAPPORT_ASSIGN_OR_RETURN(recorded, tx.get_setting("collation_version"));
                    return core::ok_status();
                  })
                  .ok());
  EXPECT_EQ(recorded, core::collation_version());
}

RAPPORT_API_ENGINES(SortApi);

}  // namespace
}  // namespace rapport::app
