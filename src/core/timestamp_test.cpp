// Tests of RFC 3339 parsing and formatting.
#include "core/timestamp.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(Timestamp, ParsesUtcOffsetsAndFractions) {
  EXPECT_EQ(to_millis(*parse_timestamp("1970-01-01T00:00:01Z")), 1000);
  EXPECT_EQ(to_millis(*parse_timestamp("1970-01-01T07:00:00.250+07:00")), 250);
  EXPECT_EQ(to_millis(*parse_timestamp("1970-01-02")), 86400000);
  EXPECT_EQ(format_timestamp(*parse_timestamp("2024-02-29T23:59:59.5-01:00")),
            "2024-03-01T00:59:59.500Z");
}

TEST(Timestamp, RejectsMalformedAndImpossible) {
  for (const char* bad :
       {"", "2023-02-29", "2024-13-01", "2024-01-01T25:00:00Z", "2024-01-01T10:00:00",
        "2024-01-01T10:00:00+7", "yesterday", "2024-01-01T10:00:00.Z"}) {
    EXPECT_FALSE(parse_timestamp(bad).ok()) << bad;
  }
  EXPECT_FALSE(parse_date("2024-01-01T00:00:00Z").ok());
}

// Found by fuzz_core_timestamp: an offset moved the UTC time into year -1, written back as
// "-001-12-31T23:00:00.000Z", which is not RFC 3339 and did not parse again.
TEST(Timestamp, RefusesOffsetsThatLeaveTheFourDigitYears) {
  EXPECT_FALSE(parse_timestamp("0000-01-01T00:00:00+01:00").ok());
  EXPECT_FALSE(parse_timestamp("9999-12-31T23:30:00-01:00").ok());
  EXPECT_EQ(format_timestamp(*parse_timestamp("0000-01-01T01:00:00+01:00")),
            "0000-01-01T00:00:00.000Z");
  EXPECT_EQ(format_timestamp(*parse_timestamp("9999-12-31T23:59:59.999Z")),
            "9999-12-31T23:59:59.999Z");
}

}  // namespace
}  // namespace rapport::core
