// Tests of the shared text checks.
#include "core/text_rules.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(TextRules, Utf8) {
  EXPECT_TRUE(is_valid_utf8("สวัสดี 你好 Grüße"));
  EXPECT_FALSE(is_valid_utf8("\xc3\x28"));
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));  // an encoded surrogate
}

TEST(TextRules, CheckTextReportsOneErrorPerProblem) {
  std::vector<FieldError> errors;
  check_text("a", "fine", 10, true, errors);
  check_text("b", "two\nlines", 100, true, errors);
  check_text("c", "two\nlines", 100, false, errors);
  check_text("d", "toolong", 3, false, errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "b");
  EXPECT_EQ(errors[1].field, "d");
  EXPECT_EQ(trim_spaces("  x y\t"), "x y");
}

TEST(TextRules, Tags) {
  std::vector<FieldError> errors;
  check_tags({"vip", "ลูกค้าใหม่", "vip", " pad", ""}, errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "tags/2");
  EXPECT_EQ(errors[1].field, "tags/3");
  EXPECT_EQ(errors[2].field, "tags/4");
}

}  // namespace
}  // namespace rapport::core
