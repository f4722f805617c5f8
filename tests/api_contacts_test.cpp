// Contacts through the JSON API on both engines: which e-mail and phone is primary, phones read
// in the right country (the organisation's default region a setting), and stored numbers read
// again by the upgrade step.
#include "api_fixture.hpp"
#include "services/phone_reread.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

bool primary_at(const json::value& contact, const char* list, std::size_t i) {
  return contact.at(list).as_array().at(i).at("primary").as_bool();
}

using ContactsApi = ApiTest;

TEST_P(ContactsApi, ALoneEmailOrPhoneIsPrimaryWithoutBeingMarked) {
  auto admin = login("admin@example.org");
  auto created = admin.write(bhttp::verb::post, "/api/v1/contacts",
                             R"({"given_name":"Ada","emails":[{"address":"ada@example.org"}],)"
                             R"("phones":[{"number":"+66 81 234 5678"}]})");
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_TRUE(primary_at(created.json(), "emails", 0));
  EXPECT_TRUE(primary_at(created.json(), "phones", 0));

  // Marked false explicitly, a lone one is still the primary one: there is no other.
  auto patched = admin.write(bhttp::verb::patch, "/api/v1/contacts/" + id_of(created),
                             R"({"emails":[{"address":"ada@example.org","primary":false}]})",
                             {{"If-Match", etag_of(created)}});
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_TRUE(primary_at(patched.json(), "emails", 0));
}

TEST_P(ContactsApi, AmongSeveralExactlyOneMustBeMarkedPrimary) {
  auto admin = login("admin@example.org");
  auto none = admin.write(bhttp::verb::post, "/api/v1/contacts",
                          R"({"given_name":"Ada","emails":[{"address":"a@example.org"},)"
                          R"({"address":"b@example.org"}]})");
  ASSERT_EQ(none.status, 422u) << none.body;
  EXPECT_EQ(error_fields(none), std::vector<std::string>{"emails"});
  auto two = admin.write(bhttp::verb::post, "/api/v1/contacts",
                         R"({"given_name":"Ada","phones":[)"
                         R"({"number":"+66 81 234 5678","primary":true},)"
                         R"({"number":"+66 2 123 4567","primary":true}]})");
  ASSERT_EQ(two.status, 422u) << two.body;
  EXPECT_EQ(error_fields(two), std::vector<std::string>{"phones"});
  auto one = admin.write(bhttp::verb::post, "/api/v1/contacts",
                         R"({"given_name":"Ada","emails":[{"address":"a@example.org"},)"
                         R"({"address":"b@example.org","primary":true}]})");
  ASSERT_EQ(one.status, 201u) << one.body;
  EXPECT_FALSE(primary_at(one.json(), "emails", 0));
  EXPECT_TRUE(primary_at(one.json(), "emails", 1));
}

TEST_P(ContactsApi, ADerivedDisplayNameFollowsTheNamesAndAChosenOneStays) {
  auto admin = login("admin@example.org");
  auto ada = admin.write(bhttp::verb::post, "/api/v1/contacts",
                         R"({"given_name":"Ada","family_name":"Byron"})");
  ASSERT_EQ(ada.status, 201u) << ada.body;
  EXPECT_EQ(ada.json().at("display_name"), "Ada Byron");
  auto married = admin.write(bhttp::verb::patch, "/api/v1/contacts/" + id_of(ada),
                             R"({"family_name":"King"})", {{"If-Match", etag_of(ada)}});
  ASSERT_EQ(married.status, 200u) << married.body;
  EXPECT_EQ(married.json().at("display_name"), "Ada King");
  auto found = admin.send(bhttp::verb::get, "/api/v1/contacts?q=King");
  EXPECT_EQ(found.json().at("items").as_array().size(), 1u);

  auto titled =
      admin.write(bhttp::verb::patch, "/api/v1/contacts/" + id_of(ada),
                  R"({"display_name":"Countess of Lovelace"})", {{"If-Match", etag_of(married)}});
  ASSERT_EQ(titled.status, 200u) << titled.body;
  auto renamed = admin.write(bhttp::verb::patch, "/api/v1/contacts/" + id_of(ada),
                             R"({"given_name":"Augusta Ada"})", {{"If-Match", etag_of(titled)}});
  ASSERT_EQ(renamed.status, 200u) << renamed.body;
  EXPECT_EQ(renamed.json().at("display_name"), "Countess of Lovelace");
}

std::string e164_of(const Reply& reply, std::size_t i = 0) {
  return std::string(reply.json().at("phones").as_array().at(i).at("e164").as_string());
}

// The message of the first per-field error.
std::string first_message(const Reply& reply) {
  return std::string(reply.json().at("errors").as_array().at(0).at("message").as_string());
}

std::string with_phone(const std::string& number, const std::string& extra = "") {
  return R"({"given_name":"A","phones":[{"number":")" + number + "\"" + extra + "}]}";
}

struct LocalNumber {
  const char* number;
  const char* region;
  const char* e164;
};

// The numbers a new user typed, in Taiwan, the Netherlands, the Philippines and Thailand.
const std::vector<LocalNumber> kLocalNumbers = {
    {"0912-345-678", "TW", "+886912345678"},  {"(02) 2345-6789", "TW", "+886223456789"},
    {"06-12345678", "NL", "+31612345678"},    {"020 123 4567", "NL", "+31201234567"},
    {"0917 123 4567", "PH", "+639171234567"}, {"081-234-5678", "TH", "+66812345678"}};

TEST_P(ContactsApi, LocalNumbersAreReadInThePhonesOwnRegion) {
  auto admin = login("admin@example.org");
  for (const auto& k : kLocalNumbers) {
    auto created = admin.write(bhttp::verb::post, "/api/v1/contacts",
                               with_phone(k.number, R"(,"region":")" + std::string(k.region) +
                                                        "\""));
    ASSERT_EQ(created.status, 201u) << k.number << created.body;
    EXPECT_EQ(e164_of(created), k.e164) << k.number;
    EXPECT_EQ(created.json().at("phones").at(0).at("region").as_string(), k.region);
  }
}

TEST_P(ContactsApi, LocalNumbersAreReadInTheCompanysCountry) {
  auto admin = login("admin@example.org");
  for (const auto& k : kLocalNumbers) {
    const std::string country(k.region);
    auto company = admin.write(
        bhttp::verb::post, "/api/v1/companies",
        R"({"name":"Co )" + country + R"(","addresses":[{"type":"work","country":")" + country +
            "\"}]}");
    ASSERT_EQ(company.status, 201u) << company.body;
    json::object body = json::parse(with_phone(k.number)).as_object();
    body["companies"] = json::array{json::object{{"company_id", company.json().at("id")}}};
    auto by_company = admin.write(bhttp::verb::post, "/api/v1/contacts", json::serialize(body));
    ASSERT_EQ(by_company.status, 201u) << k.number << by_company.body;
    EXPECT_EQ(e164_of(by_company), k.e164) << k.number;
  }
}

TEST_P(ContactsApi, TheDefaultRegionIsASettingAdminsChange) {
  auto admin = login("admin@example.org");
  auto sales = login("east@example.org");
  auto read = sales.send(bhttp::verb::get, "/api/v1/settings");
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(read.json().at("default_region").as_string(), "TH");
  EXPECT_EQ(sales.write(bhttp::verb::patch, "/api/v1/settings", R"({"default_region":"NL"})")
                .status,
            403u);
  auto bad = admin.write(bhttp::verb::patch, "/api/v1/settings", R"({"default_region":"XX"})");
  ASSERT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(error_fields(bad), std::vector<std::string>{"default_region"});
  EXPECT_EQ(admin.write(bhttp::verb::patch, "/api/v1/settings", R"({"nope":1})").status, 422u);

  // Read in Thailand, the Taiwanese mobile number would be a wrong Thai one; the Philippine one
  // is refused, naming the region it was read in.
  auto thai = admin.write(bhttp::verb::post, "/api/v1/contacts", with_phone("0912-345-678"));
  ASSERT_EQ(thai.status, 201u) << thai.body;
  EXPECT_EQ(e164_of(thai), "+66912345678");
  auto refused = admin.write(bhttp::verb::post, "/api/v1/contacts", with_phone("0917 123 4567"));
  ASSERT_EQ(refused.status, 422u) << refused.body;
  EXPECT_EQ(error_fields(refused), std::vector<std::string>{"phones/0/number"});
  EXPECT_NE(first_message(refused).find("TH"), std::string::npos) << first_message(refused);

  for (const auto& k : kLocalNumbers) {
    auto set = admin.write(bhttp::verb::patch, "/api/v1/settings",
                           R"({"default_region":")" + std::string(k.region) + "\"}");
    ASSERT_EQ(set.status, 200u) << set.body;
    EXPECT_EQ(set.json().at("default_region").as_string(), k.region);
    auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", with_phone(k.number));
    ASSERT_EQ(created.status, 201u) << k.number << created.body;
    EXPECT_EQ(e164_of(created), k.e164) << k.number;
  }
  // The last region set was TH; a Dutch landline is not a Thai number.
  auto dutch = admin.write(bhttp::verb::post, "/api/v1/contacts", with_phone("020 123 4567"));
  ASSERT_EQ(dutch.status, 422u) << dutch.body;
  EXPECT_NE(first_message(dutch).find("TH"), std::string::npos) << first_message(dutch);
  EXPECT_EQ(sales.send(bhttp::verb::get, "/api/v1/settings").json().at("default_region"), "TH");

  auto entries = audit_entries("settings");
  // TH → TW → NL → PH → TH: setting the region already in effect, or a refused one, is no change.
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries.front().action, "update");
  EXPECT_NE(entries.front().changes_json.find(R"("before":"PH","after":"TH")"), std::string::npos)
      << entries.front().changes_json;
}

TEST_P(ContactsApi, TheUpgradeReadsStoredNumbersAgainAndSaysWhatChanged) {
  auto admin = login("admin@example.org");
  // Stored the way earlier versions read them: a company without a country, numbers in TH.
  auto company = admin.write(bhttp::verb::post, "/api/v1/companies", R"({"name":"Philips"})");
  ASSERT_EQ(company.status, 201u) << company.body;
  json::object body = json::parse(with_phone("06-12345678")).as_object();
  body["companies"] = json::array{json::object{{"company_id", company.json().at("id")}}};
  auto dutch = admin.write(bhttp::verb::post, "/api/v1/contacts", json::serialize(body));
  ASSERT_EQ(dutch.status, 201u) << dutch.body;
  EXPECT_EQ(e164_of(dutch), "+66612345678");
  auto thai = admin.write(bhttp::verb::post, "/api/v1/contacts", with_phone("+66 81 234 5678"));
  ASSERT_EQ(thai.status, 201u) << thai.body;
  auto patched = admin.write(bhttp::verb::patch, "/api/v1/companies/" + id_of(company),
                             R"({"addresses":[{"type":"work","country":"NL"}]})",
                             {{"If-Match", etag_of(company)}});
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(e164_of(admin.send(bhttp::verb::get, "/api/v1/contacts/" + id_of(dutch))),
            "+66612345678");  // a company's new country does not change stored numbers

  // The settings migration marked this database's numbers as waiting to be read again.
  auto changes = services::reread_stored_phones(db_->records(), "TH", services::system_clock());
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ(std::to_string(changes->at(0).contact_id), id_of(dutch));
  EXPECT_EQ(changes->at(0).number, "06-12345678");
  EXPECT_EQ(changes->at(0).region, "NL");
  EXPECT_EQ(changes->at(0).before, "+66612345678");
  EXPECT_EQ(changes->at(0).after, "+31612345678");
  auto reread = admin.send(bhttp::verb::get, "/api/v1/contacts/" + id_of(dutch));
  EXPECT_EQ(e164_of(reread), "+31612345678");
  EXPECT_EQ(reread.json().at("version").as_int64(), 2);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/contacts?q=0612345678")
                .json()
                .at("items")
                .as_array()
                .size(),
            1u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/contacts/" + id_of(thai))
                .json()
                .at("version")
                .as_int64(),
            1);

  // The step runs once: its mark is gone.
  auto again = services::reread_stored_phones(db_->records(), "TW", services::system_clock());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
}

RAPPORT_API_ENGINES(ContactsApi);

}  // namespace
}  // namespace rapport::app
