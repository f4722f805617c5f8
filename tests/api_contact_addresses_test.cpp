// Addresses and consents on contacts through the JSON API on both engines: written, read,
// validated and audited; contacts found by city (search and filter) and country (filter); phones
// read in the address country; the upgrade step that indexes contacts stored before.
#include "api_fixture.hpp"
#include "services/record_reindex.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

// The error fields in sorted order: the tests name them without regard to the reply's order.
std::vector<std::string> sorted_error_fields(const Reply& reply) {
  std::vector<std::string> out = error_fields(reply);
  std::sort(out.begin(), out.end());
  return out;
}

// The display names of a list answer, in order.
std::vector<std::string> names_of(const Reply& reply) {
  std::vector<std::string> out;
  const json::value parsed = reply.json();
  for (const auto& item : parsed.at("items").as_array()) {
    out.emplace_back(item.at("display_name").as_string().c_str());
  }
  return out;
}

const std::string kDaan =
    R"({"given_name":"Daan","family_name":"de Vries","phones":[{"number":"06-12345678"}],)"
    R"("addresses":[{"type":"home","street":"Keizersgracht 12","locality":"Den Haag",)"
    R"("postal_code":"2511 CJ","country":"NL"}],)"
    R"("consents":[{"channel":"email","granted":true,"at":"2024-05-01T09:30:00Z",)"
    R"("source":"web form /newsletter"}]})";

using ContactAddressesApi = ApiTest;

TEST_P(ContactAddressesApi, AddressesAndConsentsAreWrittenReadAndAudited) {
  auto admin = login("admin@example.org");
  auto created = admin.write(bhttp::verb::post, "/api/v1/contacts", kDaan);
  ASSERT_EQ(created.status, 201u) << created.body;
  const json::value contact = created.json();
  const auto& address = contact.at("addresses").as_array().at(0);
  EXPECT_EQ(address.at("locality").as_string(), "Den Haag");
  EXPECT_EQ(address.at("country").as_string(), "NL");
  EXPECT_EQ(address.at("street").as_string(), "Keizersgracht 12");
  const auto& consent = contact.at("consents").as_array().at(0);
  EXPECT_EQ(consent.at("channel").as_string(), "email");
  EXPECT_TRUE(consent.at("granted").as_bool());
  EXPECT_EQ(consent.at("at").as_string(), "2024-05-01T09:30:00.000Z");
  EXPECT_EQ(consent.at("source").as_string(), "web form /newsletter");
  // The phone is read in the address country.
  EXPECT_EQ(contact.at("phones").as_array().at(0).at("e164").as_string(), "+31612345678");

  const auto id = id_of(created);
  auto patched = admin.write(
      bhttp::verb::patch, "/api/v1/contacts/" + id,
      R"({"consents":[{"channel":"email","granted":false,"at":"2024-06-01T00:00:00Z",)"
      R"("source":"unsubscribe link"}],"addresses":[{"type":"work","locality":"Utrecht",)"
      R"("country":"NL"}]})",
      {{"If-Match", etag_of(created)}});
  ASSERT_EQ(patched.status, 200u) << patched.body;
  auto read = admin.send(bhttp::verb::get, "/api/v1/contacts/" + id);
  EXPECT_FALSE(read.json().at("consents").as_array().at(0).at("granted").as_bool());
  EXPECT_EQ(read.json().at("addresses").as_array().at(0).at("locality").as_string(), "Utrecht");

  auto entries = audit_entries("contacts", id);
  ASSERT_EQ(entries.size(), 2u);
  const auto changes = json::parse(entries.front().changes_json).as_object();
  ASSERT_TRUE(changes.contains("addresses")) << entries.front().changes_json;
  ASSERT_TRUE(changes.contains("consents")) << entries.front().changes_json;
  EXPECT_NE(std::string(changes.at("consents").at("after").as_string()).find("withdrawn"),
            std::string::npos);
  EXPECT_NE(std::string(changes.at("addresses").at("before").as_string()).find("Den Haag"),
            std::string::npos);
}

TEST_P(ContactAddressesApi, BadAddressesAndConsentsAreFieldErrors) {
  auto admin = login("admin@example.org");
  // What the JSON itself gets wrong: an unknown field, a time that is none, a missing status.
  auto shape = admin.write(
      bhttp::verb::post, "/api/v1/contacts",
      R"({"given_name":"X","addresses":[{"type":"home","nope":1}],"consents":[)"
      R"({"channel":"email","granted":true,"at":"yesterday","source":"x"},)"
      R"({"channel":"sms","at":"2024-05-01T00:00:00Z","source":"x"}]})");
  ASSERT_EQ(shape.status, 422u) << shape.body;
  EXPECT_EQ(sorted_error_fields(shape),
            (std::vector<std::string>{"addresses/0/nope", "consents/0/at", "consents/1/granted"}));
  // What the rules refuse: countries that are no ISO 3166 code, an unknown type or channel, a
  // consent without its source.
  auto rules = admin.write(
      bhttp::verb::post, "/api/v1/contacts",
      R"({"given_name":"X","addresses":[{"type":"home","country":"XX"},{"type":"moon",)"
      R"("country":"nl"}],"consents":[{"channel":"pigeon","granted":true,)"
      R"("at":"2024-05-01T00:00:00Z","source":"x"},{"channel":"sms","granted":true,)"
      R"("at":"2024-05-01T00:00:00Z","source":" "}]})");
  ASSERT_EQ(rules.status, 422u) << rules.body;
  EXPECT_EQ(sorted_error_fields(rules),
            (std::vector<std::string>{"addresses/0/country", "addresses/1/country",
                                      "addresses/1/type", "consents/0/channel",
                                      "consents/1/source"}));
}

TEST_P(ContactAddressesApi, ContactsAreFoundByCityAndCountry) {
  auto admin = login("admin@example.org");
  ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/contacts", kDaan).status, 201u);
  auto maria = admin.write(
      bhttp::verb::post, "/api/v1/contacts",
      R"({"given_name":"Maria","family_name":"Santos","addresses":[{"type":"home",)"
      R"("locality":"Quezon City","country":"PH"},{"type":"work","locality":"Makati",)"
      R"("country":"PH"}]})");
  ASSERT_EQ(maria.status, 201u) << maria.body;
  auto lin = admin.write(bhttp::verb::post, "/api/v1/contacts",
                         R"({"given_name":"Lin","addresses":[{"type":"home",)"
                         R"("locality":"台北","country":"TW"}]})");
  ASSERT_EQ(lin.status, 201u) << lin.body;
  ASSERT_EQ(admin.write(bhttp::verb::post, "/api/v1/contacts", R"({"given_name":"Nowhere"})")
                .status,
            201u);

  auto get = [&](const std::string& target) {
    auto reply = admin.send(bhttp::verb::get, target);
    EXPECT_EQ(reply.status, 200u) << target << " " << reply.body;
    return names_of(reply);
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(get("/api/v1/contacts?q=den%20haag"), Names{"Daan de Vries"});
  EXPECT_EQ(get("/api/v1/contacts?q=Makati"), Names{"Maria Santos"});
  EXPECT_EQ(get("/api/v1/contacts?filter[city]=DEN%20HAAG"), Names{"Daan de Vries"});
  EXPECT_EQ(get("/api/v1/contacts?filter[city]=makati"), Names{"Maria Santos"});
  EXPECT_EQ(get("/api/v1/contacts?filter[city]=%E5%8F%B0%E5%8C%97"), Names{"Lin"});
  EXPECT_EQ(get("/api/v1/contacts?filter[country]=ph"), Names{"Maria Santos"});
  EXPECT_EQ(get("/api/v1/contacts?filter[country][in]=NL,TW&sort=display_name"),
            (Names{"Daan de Vries", "Lin"}));
  EXPECT_EQ(get("/api/v1/contacts?filter[country][ne]=PH&sort=display_name"),
            (Names{"Daan de Vries", "Lin", "Nowhere"}));
  EXPECT_EQ(get("/api/v1/contacts?filter[country]=PH&filter[city]=Utrecht"), Names{});
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/contacts?filter[city][lt]=a").status, 422u);

  // Moving is a write like any other: the old city no longer finds her.
  auto moved = admin.write(bhttp::verb::patch, "/api/v1/contacts/" + id_of(maria),
                           R"({"addresses":[{"type":"home","locality":"Cebu","country":"PH"}]})",
                           {{"If-Match", etag_of(maria)}});
  ASSERT_EQ(moved.status, 200u) << moved.body;
  EXPECT_EQ(get("/api/v1/contacts?filter[city]=makati"), Names{});
  EXPECT_EQ(get("/api/v1/contacts?filter[city]=cebu"), Names{"Maria Santos"});
  EXPECT_EQ(get("/api/v1/contacts?q=Makati"), Names{});
}

TEST_P(ContactAddressesApi, TheUpgradeIndexesStoredContactsOnce) {
  auto admin = login("admin@example.org");
  auto daan = admin.write(bhttp::verb::post, "/api/v1/contacts", kDaan);
  ASSERT_EQ(daan.status, 201u);
  auto gone = admin.write(bhttp::verb::post, "/api/v1/contacts", R"({"given_name":"Gone"})");
  ASSERT_EQ(admin.write(bhttp::verb::delete_, "/api/v1/contacts/" + id_of(gone), "",
                        {{"If-Match", etag_of(gone)}})
                .status,
            204u);
  // The contact_places migration marked this database's contacts as waiting to be indexed again.
  auto indexed = services::reindex_stored_records(db_->records());
  ASSERT_TRUE(indexed.ok()) << indexed.error().message;
  EXPECT_EQ(indexed->of(core::RecordKind::kContact), 2);  // live and trashed
  EXPECT_EQ(names_of(admin.send(bhttp::verb::get, "/api/v1/contacts?filter[city]=den%20haag")),
            std::vector<std::string>{"Daan de Vries"});
  auto again = services::reindex_stored_records(db_->records());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->of(core::RecordKind::kContact), 0);
}

RAPPORT_API_ENGINES(ContactAddressesApi);

}  // namespace
}  // namespace rapport::app
