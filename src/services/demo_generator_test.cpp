// Tests for the demo generator: determinism, valid phones and e-mails, every locale present,
// activities of every type around the load date.
#include "services/demo_generator.hpp"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>

#include <set>

namespace rapport::services::demo {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

TEST(DemoGenerator, SameSeedSameRecords) {
  DemoGenerator a(7), b(7), c(8);
  for (std::size_t i = 0; i < 50; ++i) {
    EXPECT_EQ(a.contact(i, 10).display_name, b.contact(i, 10).display_name);
    EXPECT_EQ(a.contact(i, 10).phone, b.contact(i, 10).phone);
    EXPECT_EQ(a.company(i).name, b.company(i).name);
  }
  int differing = 0;
  for (std::size_t i = 0; i < 50; ++i)
    differing += a.contact(i, 10).display_name != c.contact(i, 10).display_name;
  EXPECT_GT(differing, 25);
}

TEST(DemoGenerator, PhonesAreValidInTheirRegion) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  DemoGenerator g(1);
  std::set<std::string> regions;
  for (std::size_t i = 0; i < 2000; ++i) {
    DemoContact c = g.contact(i, 100);
    PhoneNumber number;
    ASSERT_EQ(util.Parse(c.phone, c.phone_region, &number), PhoneNumberUtil::NO_PARSING_ERROR)
        << c.phone;
    EXPECT_TRUE(util.IsValidNumberForRegion(number, c.phone_region))
        << c.phone << " in " << c.phone_region;
    regions.insert(c.phone_region);
  }
  EXPECT_EQ(regions.size(), locales().size());
}

TEST(DemoGenerator, EmailsAreUniqueAndAscii) {
  DemoGenerator g(3);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < 3000; ++i) {
    std::string email = g.contact(i, 100).email;
    for (unsigned char ch : email) ASSERT_LT(ch, 0x80) << email;
    EXPECT_TRUE(seen.insert(email).second) << email;
  }
}

TEST(DemoGenerator, WritesEachLanguageInItsOwnScript) {
  DemoGenerator g(1);
  bool thai = false, two_char_chinese_given = false, dutch_diacritic = false;
  for (std::size_t i = 0; i < 3000; ++i) {
    DemoContact c = g.contact(i, 100);
    if (c.phone_region == "TH" && c.given_name.find("\xE0\xB8") != std::string::npos) thai = true;
    // Two CJK characters are six bytes of UTF-8.
    if ((c.phone_region == "CN" || c.phone_region == "TW") && c.given_name.size() == 6)
      two_char_chinese_given = true;
    if (c.phone_region == "NL" && (c.display_name.find("ë") != std::string::npos ||
                                   c.display_name.find("ï") != std::string::npos))
      dutch_diacritic = true;
  }
  EXPECT_TRUE(thai);
  EXPECT_TRUE(two_char_chinese_given);
  EXPECT_TRUE(dutch_diacritic);
}

TEST(DemoGenerator, LinksContactsToCompaniesOfTheirCountryMostly) {
  DemoGenerator g(5);
  const std::size_t companies = DemoGenerator::company_count(2000);
  int linked = 0, same_country = 0;
  for (std::size_t i = 0; i < 2000; ++i) {
    DemoContact c = g.contact(i, companies);
    if (!c.company) continue;
    ASSERT_LT(*c.company, companies);
    ++linked;
    same_country += g.company(*c.company).address.country == c.address.country;
  }
  EXPECT_GT(linked, 1200);
  EXPECT_GT(same_country, linked * 9 / 10);
}

// About three contacts in ten have an activity; every type occurs, in the contact's language,
// with open tasks both overdue and ahead so that the task views have something to show.
TEST(DemoGenerator, ActivitiesCoverEveryTypeAroundTheLoadDate) {
  DemoGenerator g(3), same(3);
  std::set<std::string> types;
  int with_activity = 0, overdue_tasks = 0, tasks_ahead = 0, past_open_calls = 0;
  for (std::size_t i = 0; i < 2000; ++i) {
    auto a = g.activity(i);
    auto b = same.activity(i);
    ASSERT_EQ(a.has_value(), b.has_value());
    if (!a) continue;
    ++with_activity;
    EXPECT_EQ(a->subject, b->subject);
    EXPECT_FALSE(a->subject.empty());
    types.insert(a->type);
    if (a->type == "task" && a->status == "open") {
      overdue_tasks += a->day < 0;
      tasks_ahead += a->day > 0;
    }
    past_open_calls += a->type == "call" && a->status != "done";
    if (a->type == "call" || a->type == "email") {
      EXPECT_FALSE(a->direction.empty());
    }
  }
  EXPECT_GT(with_activity, 450);
  EXPECT_LT(with_activity, 750);
  EXPECT_EQ(types, (std::set<std::string>{"call", "email", "meeting", "task"}));
  EXPECT_GT(overdue_tasks, 10);
  EXPECT_GT(tasks_ahead, 10);
  EXPECT_EQ(past_open_calls, 0);
}

TEST(DemoGenerator, UsersCoverEveryRoleAndOwnRecords) {
  DemoGenerator g(1);
  std::set<std::string> roles;
  for (const auto& u : g.users()) {
    roles.insert(u.role);
    EXPECT_LT(u.team, g.teams().size());
  }
  EXPECT_EQ(roles,
            (std::set<std::string>{"manager", "sales", "support", "marketing", "read_only"}));
  for (std::size_t i = 0; i < 100; ++i) {
    EXPECT_EQ(g.users()[g.contact(i, 10).owner].role, "sales");
    EXPECT_EQ(g.users()[g.company(i).owner].role, "sales");
  }
}

}  // namespace
}  // namespace rapport::services::demo
