// Tests for user and team field rules (sign-in e-mails go through normalize_email).
#include "core/user.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "core/email.hpp"
#include "core/team.hpp"

namespace rapport::core {
namespace {

TEST(UserRules, EmailIsLowerCasedAndTrimmed) {
  EXPECT_EQ(*normalize_email("  Ann.Lee@Example.COM "), "ann.lee@example.com");
}

TEST(UserRules, RejectsImplausibleEmails) {
  for (const std::string& bad : std::initializer_list<std::string>{
           "", "ann", "@example.com", "ann@", "ann@example", "a@b@c.com", "ann lee@example.com",
           "ann@example.com.", std::string("a\0b@c.de", 8), std::string("\xff@x.com")}) {
    auto r = normalize_email(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().fields.at(0).field, "email");
  }
  EXPECT_FALSE(normalize_email(std::string(250, 'a') + "@x.com").ok());
}

TEST(UserRules, DisplayNameAcceptsAnyScript) {
  EXPECT_EQ(*normalize_display_name(" สมชาย ใจดี "), "สมชาย ใจดี");
  EXPECT_EQ(*normalize_display_name("王小明"), "王小明");
  EXPECT_FALSE(normalize_display_name("   ").ok());
  EXPECT_FALSE(normalize_display_name("a\nb").ok());
  EXPECT_FALSE(normalize_display_name(std::string(201, 'x')).ok());
}

TEST(UserRules, UiLanguageIsOneOfTheFiveInItsOwnSpelling) {
  EXPECT_EQ(*normalize_ui_language("th"), "th");
  EXPECT_EQ(*normalize_ui_language("ZH-hant"), "zh-Hant");
  EXPECT_EQ(*normalize_ui_language("FIL"), "fil");
  for (const char* other : {"", "de", "zh", "zh-Hans", "en-US", "th "}) {
    auto r = normalize_ui_language(other);
    ASSERT_FALSE(r.ok()) << other;
    EXPECT_EQ(r.error().fields.at(0).field, "language");
  }
}

TEST(UserRules, TimeZoneIsAnIanaId) {
  EXPECT_EQ(*normalize_time_zone("Asia/Bangkok"), "Asia/Bangkok");
  EXPECT_EQ(*normalize_time_zone("Europe/Amsterdam"), "Europe/Amsterdam");
  EXPECT_EQ(*normalize_time_zone("Asia/Manila"), "Asia/Manila");
  EXPECT_EQ(*normalize_time_zone("UTC"), "UTC");
  for (const char* other : {"", "Mars/Olympus_Mons", "GMT+7 ", "Asia/Bangkok\n", "+07:00"}) {
    auto r = normalize_time_zone(other);
    ASSERT_FALSE(r.ok()) << other;
    EXPECT_EQ(r.error().fields.at(0).field, "time_zone");
  }
  EXPECT_FALSE(normalize_time_zone(std::string(65, 'A')).ok());
}

TEST(TeamRules, Name) {
  EXPECT_EQ(*normalize_team_name(" Bangkok Sales "), "Bangkok Sales");
  auto r = normalize_team_name(std::string(101, 'x'));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "name");
}

}  // namespace
}  // namespace rapport::core
