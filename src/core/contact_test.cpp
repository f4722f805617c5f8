// Tests of the contact rules: normalisation and all field errors at once.
#include "core/contact.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace rapport::core {
namespace {

Contact somchai() {
  Contact c;
  c.given_name = " สมชาย ";
  c.family_name = "ใจดี";
  c.emails = {{"Somchai@Example.CO.TH", "work", true}, {"s@home.example", "home", false}};
  c.phones = {{"081-234-5678", "", "mobile", true, ""}};
  c.preferred_language = "th";
  c.time_zone = "Asia/Bangkok";
  c.tags = {"vip"};
  c.consents = {{"email", true, *parse_timestamp("2024-05-01T00:00:00Z"), "web form"}};
  return c;
}

bool has_field(const Error& e, const std::string& field) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field; });
}

TEST(Contact, ValidContactIsNormalised) {
  Contact c = somchai();
  auto status = validate(c, ContactRules{});
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(c.given_name, "สมชาย");
  EXPECT_EQ(c.display_name, "สมชาย ใจดี");
  EXPECT_EQ(c.emails[0].address, "somchai@example.co.th");
  EXPECT_EQ(c.phones[0].e164, "+66812345678");
  EXPECT_EQ(c.phones[0].number, "081-234-5678");
  EXPECT_EQ(c.lifecycle_stage, "subscriber");
}

TEST(Contact, NationalPhonesAreReadInTheContactsCountry) {
  Contact c;
  c.given_name = "Daan";
  c.phones = {{"06 12345678", "", "mobile", true, ""}};
  c.addresses = {{"home", "Keizersgracht 12", "Amsterdam", "", "1015 CJ", "NL"}};
  ASSERT_TRUE(validate(c, ContactRules{}).ok());
  EXPECT_EQ(c.phones[0].e164, "+31612345678");
  Contact no_country;
  no_country.given_name = "Daan";
  no_country.phones = {{"06 12345678", "", "mobile", true, ""}};
  ASSERT_TRUE(validate(no_country, ContactRules{}).ok());
  EXPECT_EQ(no_country.phones[0].e164, "+66612345678");  // read in the default region
}

// The numbers a new user typed: each is read in the region that applies and refused, naming
// that region, where it is not valid there.
TEST(Contact, PhonesAreReadInThePhonesRegionThenAddressThenCompanyThenDefault) {
  struct Case {
    const char* number;
    const char* region;
    const char* e164;
  };
  for (const Case& k : {Case{"0912-345-678", "TW", "+886912345678"},
                        Case{"(02) 2345-6789", "TW", "+886223456789"},
                        Case{"06-12345678", "NL", "+31612345678"},
                        Case{"020 123 4567", "NL", "+31201234567"},
                        Case{"0917 123 4567", "PH", "+639171234567"},
                        Case{"081-234-5678", "TH", "+66812345678"}}) {
    Contact own;
    own.given_name = "A";
    own.phones = {{k.number, "", "mobile", true, k.region}};
    ASSERT_TRUE(validate(own, ContactRules{}).ok()) << k.number;
    EXPECT_EQ(own.phones[0].e164, k.e164) << k.number;

    Contact by_address;
    by_address.given_name = "A";
    by_address.phones = {{k.number, "", "mobile", true, ""}};
    by_address.addresses = {{"home", "", "", "", "", k.region}};
    ASSERT_TRUE(validate(by_address, ContactRules{}).ok()) << k.number;
    EXPECT_EQ(by_address.phones[0].e164, k.e164) << k.number;

    Contact by_company;
    by_company.given_name = "A";
    by_company.phones = {{k.number, "", "mobile", true, ""}};
    ContactRules company_rules;
    company_rules.company_countries = {"", k.region};
    ASSERT_TRUE(validate(by_company, company_rules).ok()) << k.number;
    EXPECT_EQ(by_company.phones[0].e164, k.e164) << k.number;

    Contact by_default;
    by_default.given_name = "A";
    by_default.phones = {{k.number, "", "mobile", true, ""}};
    ContactRules default_rules;
    default_rules.default_region = k.region;
    ASSERT_TRUE(validate(by_default, default_rules).ok()) << k.number;
    EXPECT_EQ(by_default.phones[0].e164, k.e164) << k.number;
  }
}

TEST(Contact, ANumberInvalidWhereItIsReadIsRefusedNamingTheRegion) {
  Contact c;
  c.given_name = "Maria";
  c.phones = {{"0917 123 4567", "", "mobile", true, ""}};
  auto status = validate(c, ContactRules{});  // read in TH, the default
  ASSERT_FALSE(status.ok());
  ASSERT_TRUE(has_field(status.error(), "phones/0/number"));
  EXPECT_NE(status.error().fields.at(0).message.find("TH"), std::string::npos)
      << status.error().fields.at(0).message;
  c.phones[0].region = "xx";
  status = validate(c, ContactRules{});
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(has_field(status.error(), "phones/0/region"));
  c.phones[0].region = "ph";
  ASSERT_TRUE(validate(c, ContactRules{}).ok());
  EXPECT_EQ(c.phones[0].region, "PH");
}

TEST(Contact, ALoneEmailOrPhoneBecomesPrimary) {
  Contact c;
  c.given_name = "Ada";
  c.emails = {{"ada@example.org", "work", false}};
  c.phones = {{"+66 81 234 5678", "", "mobile", false, ""}};
  ASSERT_TRUE(validate(c, ContactRules{}).ok());
  EXPECT_TRUE(c.emails[0].primary);
  EXPECT_TRUE(c.phones[0].primary);
}

TEST(Contact, SeveralNeedExactlyOnePrimary) {
  Contact none;
  none.given_name = "Ada";
  none.emails = {{"a@example.org", "work", false}, {"b@example.org", "home", false}};
  auto status = validate(none, ContactRules{});
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(has_field(status.error(), "emails"));
  Contact two;
  two.given_name = "Ada";
  two.phones = {{"+66 81 234 5678", "", "mobile", true, ""},
                {"+66 2 123 4567", "", "work", true, ""}};
  status = validate(two, ContactRules{});
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(has_field(status.error(), "phones"));
}

TEST(Contact, AllErrorsComeAtOnce) {
  Contact c = somchai();
  c.emails[1].address = "broken";
  c.emails[1].primary = true;
  c.phones[0].number = "12";
  c.lifecycle_stage = "vip";
  c.time_zone = "Mars/Olympus";
  c.preferred_language = "thai language";
  c.tags = {"a", "a"};
  c.custom["nope"] = CustomValue{"x", {}, {}};
  c.consents.push_back({"email", true, {}, ""});
  auto status = validate(c, ContactRules{});
  ASSERT_FALSE(status.ok());
  const Error& e = status.error();
  EXPECT_EQ(e.kind, ErrorKind::kInvalid);
  for (const char* field : {"emails/1/address", "emails", "phones/0/number", "lifecycle_stage",
                            "time_zone", "preferred_language", "tags/1", "custom/nope",
                            "consents/1/channel", "consents/1/source", "consents/1/at"}) {
    EXPECT_TRUE(has_field(e, field)) << field;
  }
}

TEST(Contact, NeedsSomethingToIdentifyIt) {
  Contact c;
  auto status = validate(c, ContactRules{});
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(has_field(status.error(), "display_name"));
}

TEST(Contact, ConfiguredStagesAndCustomFieldsApply) {
  auto stages = LifecycleStages::make({"prospect", "client"});
  ASSERT_TRUE(stages.ok());
  CustomFieldDefinition tier;
  tier.key = "tier";
  tier.label = "Tier";
  tier.type = CustomFieldType::kSingleSelect;
  tier.options = {"gold"};
  tier.required = true;
  ContactRules rules{*stages, "TH", {tier}, {}};
  Contact c = somchai();
  auto missing = validate(c, rules);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(has_field(missing.error(), "custom/tier"));
  c.custom["tier"] = CustomValue{"gold", {}, {}};
  EXPECT_TRUE(validate(c, rules).ok());
  EXPECT_EQ(c.lifecycle_stage, "prospect");
}

}  // namespace
}  // namespace rapport::core
