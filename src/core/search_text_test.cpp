// Tests of search normalisation across the scripts our users write.
#include "core/search_text.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(SearchText, FoldsCaseAndDiacriticsOfLatin) {
  EXPECT_EQ(normalize_for_search("Nguyễn"), "nguyen");
  EXPECT_EQ(normalize_for_search("Müller"), "muller");
  EXPECT_EQ(normalize_for_search("ĐẶNG Thị"), "dang thi");
  EXPECT_EQ(normalize_for_search("Straße"), "strasse");
  EXPECT_EQ(normalize_for_search("Ｆｕｌｌ"), "full");
  EXPECT_EQ(normalize_for_search("  de   Vries\t"), "de vries");
}

TEST(SearchText, KeepsThaiAndChinese) {
  EXPECT_EQ(normalize_for_search("สมชาย ใจดี"), "สมชาย ใจดี");
  EXPECT_EQ(normalize_for_search("王小明"), "王小明");
  EXPECT_EQ(normalize_for_search("陳美玲"), "陳美玲");
}

TEST(SearchText, CountsCodePoints) {
  EXPECT_EQ(code_point_count("小明"), 2u);
  EXPECT_EQ(code_point_count("abc"), 3u);
}

}  // namespace
}  // namespace rapport::core
