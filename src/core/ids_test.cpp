// Tests of id parsing.
#include "core/ids.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(Ids, ParsesPositiveDecimals) {
  EXPECT_EQ(*parse_id("42"), 42);
  EXPECT_EQ(*parse_id("9223372036854775807"), 9223372036854775807);
}

TEST(Ids, RejectsEverythingElse) {
  for (const char* bad : {"", "0", "-1", "12a", " 1", "9223372036854775808", "1.0", "0x10"}) {
    auto parsed = parse_id(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
  }
}

}  // namespace
}  // namespace rapport::core
