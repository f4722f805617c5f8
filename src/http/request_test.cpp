// Request accessors: ids, query parameters and If-Match.
#include "http/request.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

TEST(Request, IdParamAcceptsPositiveIntegersOnly) {
  Request r;
  r.path_params = {{"id", "42"}};
  ASSERT_TRUE(r.id_param("id").ok());
  EXPECT_EQ(*r.id_param("id"), 42);
  for (const char* bad : {"0", "-1", "4x", "", "99999999999999999999", "1e3", " 1"}) {
    r.path_params = {{"id", bad}};
    ASSERT_FALSE(r.id_param("id").ok()) << bad;
    EXPECT_EQ(r.id_param("id").error().kind, core::ErrorKind::kNotFound) << bad;
  }
}

TEST(Request, QueryParamDecodesAndRejectsRepeats) {
  Request r;
  r.query = "name=J%C3%BCrgen+M&flag&x=1&x=2";
  auto name = r.query_param("name");
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(name->value(), "Jürgen M");
  EXPECT_EQ(r.query_param("flag")->value(), "");
  EXPECT_FALSE(r.query_param("missing")->has_value());
  ASSERT_FALSE(r.query_param("x").ok());
  EXPECT_EQ(r.query_param("x").error().fields.at(0).field, "x");
  r.query = "a=%zz";
  EXPECT_FALSE(r.query_param("a").ok());
}

TEST(Request, IfMatchNamesOneStrongVersion) {
  Request r;
  EXPECT_FALSE(r.if_match_version()->has_value());
  r.headers.set("If-Match", "*");
  EXPECT_FALSE(r.if_match_version()->has_value());
  r.headers.set("If-Match", "\"7\"");
  EXPECT_EQ(r.if_match_version()->value(), 7);
  r.headers.set("If-Match", "7");
  EXPECT_EQ(r.if_match_version().error().kind, core::ErrorKind::kInvalid);
  r.headers.set("If-Match", "\"1\", \"2\"");
  EXPECT_EQ(r.if_match_version().error().kind, core::ErrorKind::kInvalid);
  r.headers.set("If-Match", "\"abc\"");
  EXPECT_EQ(r.if_match_version().error().kind, core::ErrorKind::kStale);
}

TEST(Request, AuthSlotIsTyped) {
  struct Principal {
    int user_id;
  };
  Request r;
  EXPECT_EQ(r.auth_as<Principal>(), nullptr);
  r.auth = Principal{5};
  ASSERT_NE(r.auth_as<Principal>(), nullptr);
  EXPECT_EQ(r.auth_as<Principal>()->user_id, 5);
  EXPECT_EQ(r.auth_as<int>(), nullptr);
}

}  // namespace
}  // namespace rapport::http
