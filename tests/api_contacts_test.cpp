// Contacts through the JSON API on both engines: which e-mail and phone is primary, phones read
// in the right country, and addresses and consents written, read, audited and searched.
#include "api_fixture.hpp"

namespace rapport::app {
namespace {

using namespace api_harness;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

std::string id_of(const Reply& reply) { return std::to_string(reply.json().at("id").as_int64()); }

std::string etag_of(const Reply& reply) { return std::string(reply.headers[bhttp::field::etag]); }

// The `field` of every per-field error of a problem reply.
std::vector<std::string> error_fields(const Reply& reply) {
  std::vector<std::string> out;
  const json::value parsed = reply.json();
  if (const auto* errors = parsed.as_object().if_contains("errors")) {
    for (const auto& e : errors->as_array()) {
      out.emplace_back(e.as_object().at("field").as_string().c_str());
    }
  }
  return out;
}

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

RAPPORT_API_ENGINES(ContactsApi);

}  // namespace
}  // namespace rapport::app
