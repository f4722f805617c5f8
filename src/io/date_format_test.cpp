// Tests for format-driven date parsing.
#include "io/date_format.hpp"

#include <gtest/gtest.h>

namespace rapport::io {
namespace {

constexpr std::int64_t kDay = 86400;

TEST(DateFormat, ParsesTheTransactionFormats) {
  EXPECT_EQ(parse_date_time("19970101", "%Y%m%d"), 9862 * kDay);
  EXPECT_EQ(parse_date_time("1970-01-01", "%Y-%m-%d"), 0);
  EXPECT_EQ(parse_date_time("2010-12-01 08:26:00", "%Y-%m-%d %H:%M:%S"),
            14944 * kDay + 8 * 3600 + 26 * 60);
  EXPECT_EQ(parse_date_time("1/12/2010 8:26", "%d/%m/%Y %H:%M"), 14944 * kDay + 8 * 3600 + 26 * 60);
  EXPECT_EQ(parse_date_time("01-Dec-10", "%d-%b-%y"), 14944 * kDay);
  EXPECT_EQ(parse_date_time("31 dec 1969", "%d %b %Y"), -kDay);
  EXPECT_EQ(parse_date_time("100%", "100%%"), 0);
}

TEST(DateFormat, RejectsImpossibleOrMismatchedText) {
  EXPECT_FALSE(parse_date_time("2011-02-29", "%Y-%m-%d"));
  EXPECT_FALSE(parse_date_time("2011-13-01", "%Y-%m-%d"));
  EXPECT_FALSE(parse_date_time("2011-01-01 24:00:00", "%Y-%m-%d %H:%M:%S"));
  EXPECT_FALSE(parse_date_time("2011-01-01x", "%Y-%m-%d"));
  EXPECT_FALSE(parse_date_time("11-01-01", "%Y-%m-%d"));
  EXPECT_FALSE(parse_date_time("", "%Y"));
  EXPECT_TRUE(parse_date_time("2012-02-29", "%Y-%m-%d"));
}

TEST(DateFormat, ValidatesFormats) {
  EXPECT_TRUE(validate_date_format("%Y-%m-%d %H:%M:%S").ok());
  EXPECT_FALSE(validate_date_format("%Q").ok());
  EXPECT_FALSE(validate_date_format("%Y%").ok());
  EXPECT_TRUE(date_format_has_time("%d/%m/%Y %H:%M"));
  EXPECT_FALSE(date_format_has_time("%Y%m%d"));
}

}  // namespace
}  // namespace rapport::io
