// The rules for a saved view's name and columns.
#include "core/saved_view.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(SavedViewRules, NameIsTrimmedAndBounded) {
  EXPECT_EQ(*normalize_view_name("  ลูกค้าใหม่ Bangkok "), "ลูกค้าใหม่ Bangkok");
  EXPECT_FALSE(normalize_view_name("   ").ok());
  EXPECT_FALSE(normalize_view_name("a\tb").ok());
  EXPECT_FALSE(normalize_view_name(std::string(101, 'v')).ok());
  EXPECT_EQ(normalize_view_name("").error().fields.at(0).field, "name");
}

TEST(SavedViewRules, ColumnsAreFieldNamesOnce) {
  EXPECT_TRUE(check_view_columns({"given_name", "custom.region_2", "owner_id"}).ok());
  EXPECT_TRUE(check_view_columns({}).ok());
  auto twice = check_view_columns({"given_name", "given_name"});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().fields.at(0).field, "columns/1");
  EXPECT_FALSE(check_view_columns({"Given Name"}).ok());
  EXPECT_FALSE(check_view_columns({"custom."}).ok());
  EXPECT_FALSE(check_view_columns({"given_name; DROP TABLE"}).ok());
  EXPECT_FALSE(check_view_columns(std::vector<std::string>(61, "x")).ok());
}

}  // namespace
}  // namespace rapport::core
