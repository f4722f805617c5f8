// Cookie header parsing and Set-Cookie attributes.
#include "http/cookies.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

TEST(Cookies, FindsCookiesInAHeader) {
  const std::string header = "theme=dark;  rapport_session=abc123 ; other=\"quoted\"; empty=";
  EXPECT_EQ(find_cookie(header, "rapport_session"), "abc123");
  EXPECT_EQ(find_cookie(header, "theme"), "dark");
  EXPECT_EQ(find_cookie(header, "other"), "quoted");
  EXPECT_EQ(find_cookie(header, "empty"), "");
  EXPECT_FALSE(find_cookie(header, "session"));
  EXPECT_FALSE(find_cookie("", "a"));
  EXPECT_FALSE(find_cookie(";;=;junk", "a"));
  EXPECT_EQ(find_cookie("a=1; a=2", "a"), "1");
}

TEST(Cookies, SetCookieIsHttpOnlyLaxAndSecureWhenAsked) {
  auto plain = build_set_cookie({"rapport_session", "tok_EN-123", std::nullopt, false});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "rapport_session=tok_EN-123; Path=/; HttpOnly; SameSite=Lax");
  auto secure = build_set_cookie({"s", "v", std::chrono::seconds(3600), true});
  EXPECT_EQ(*secure, "s=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure");
  auto expired = build_set_cookie({"s", "", std::chrono::seconds(0), false});
  EXPECT_EQ(*expired, "s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

TEST(Cookies, RejectsNamesAndValuesThatWouldInjectAttributes) {
  EXPECT_FALSE(build_set_cookie({"", "v", std::nullopt, false}).ok());
  EXPECT_FALSE(build_set_cookie({"a b", "v", std::nullopt, false}).ok());
  EXPECT_FALSE(build_set_cookie({"a=b", "v", std::nullopt, false}).ok());
  EXPECT_FALSE(build_set_cookie({"s", "v; Domain=evil.example", std::nullopt, false}).ok());
  EXPECT_FALSE(build_set_cookie({"s", "line\r\nSet-Cookie: x=1", std::nullopt, false}).ok());
  EXPECT_FALSE(build_set_cookie({"s", "caf\xC3\xA9", std::nullopt, false}).ok());
}

}  // namespace
}  // namespace rapport::http
