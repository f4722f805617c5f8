// Tests for format-driven date parsing.
#include "io/date_format.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

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

// The full-width ISO shapes take a fast path; it must agree with the general parser (reached
// through an equivalent format) on every day, leap days and century years included.
TEST(DateFormat, IsoFastPathAgreesWithTheGeneralParser) {
  const std::int64_t first = *parse_date_time("18990101", "%Y%m%d");
  const std::int64_t last = *parse_date_time("21010101", "%Y%m%d");
  for (std::int64_t t = first; t < last; t += kDay) {
    const std::int64_t days = t / kDay;
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
    char iso[32], compact[32];
    std::snprintf(iso, sizeof iso, "%04d-%02u-%02u 23:59:58", static_cast<int>(date.year()),
                  unsigned{date.month()}, unsigned{date.day()});
    std::snprintf(compact, sizeof compact, "%04d%02u%02u", static_cast<int>(date.year()),
                  unsigned{date.month()}, unsigned{date.day()});
    ASSERT_EQ(parse_date_time(std::string_view(iso, 10), "%Y-%m-%d"), t) << iso;
    ASSERT_EQ(parse_date_time(compact, "%Y%m%d"), t) << compact;
    ASSERT_EQ(parse_date_time(iso, "%Y-%m-%d %H:%M:%S"), t + kDay - 2) << iso;
    ASSERT_EQ(parse_date_time(std::string_view(iso, 16), "%Y-%m-%d %H:%M"), t + kDay - 60);
  }
  // Short fields and runs of blanks are left to the general parser, which accepts them.
  EXPECT_EQ(parse_date_time("2011-3-1", "%Y-%m-%d"), parse_date_time("2011-03-01", "%Y-%m-%d"));
  EXPECT_EQ(parse_date_time("2011-03-01  8:05", "%Y-%m-%d %H:%M"),
            parse_date_time("2011-03-01 08:05", "%Y-%m-%d %H:%M"));
  EXPECT_FALSE(parse_date_time("2011-03-01 08:60", "%Y-%m-%d %H:%M"));
  EXPECT_FALSE(parse_date_time("2011-03-01T08:05", "%Y-%m-%d %H:%M"));
  EXPECT_FALSE(parse_date_time("1900-02-29", "%Y-%m-%d"));
  EXPECT_TRUE(parse_date_time("2000-02-29", "%Y-%m-%d"));
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
