// Query splitting: decoding, brackets left raw by browsers, bad escapes.
#include "http/query_string.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

TEST(QueryString, SplitsAndDecodesPairs) {
  auto params = decode_query("filter[tags]=a,b&q=J%C3%BCrgen+M&&flag&x=%26%3D");
  ASSERT_TRUE(params.ok());
  ASSERT_EQ(params->size(), 4u);
  EXPECT_EQ((*params)[0].name, "filter[tags]");
  EXPECT_EQ((*params)[0].value, "a,b");
  EXPECT_EQ((*params)[1].value, "Jürgen M");
  EXPECT_EQ((*params)[2].name, "flag");
  EXPECT_EQ((*params)[2].value, "");
  EXPECT_EQ((*params)[3].value, "&=");
  EXPECT_TRUE(decode_query("")->empty());
}

TEST(QueryString, RejectsMalformedEscapes) {
  for (const char* bad : {"a=%zz", "a=%", "a=%4", "%g0=1"}) {
    auto r = decode_query(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, core::ErrorKind::kInvalid);
  }
}

}  // namespace
}  // namespace rapport::http
