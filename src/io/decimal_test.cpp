// Tests for exact decimal parsing and rounding of scaled integers.
#include "io/decimal.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace rapport::io {
namespace {

TEST(Decimal, ParsesToScaledIntegers) {
  EXPECT_EQ(parse_scaled_decimal("2.55", 2), 255);
  EXPECT_EQ(parse_scaled_decimal(" 11.77 ", 2), 1177);
  EXPECT_EQ(parse_scaled_decimal("-3", 2), -300);
  EXPECT_EQ(parse_scaled_decimal("+0.5", 2), 50);
  EXPECT_EQ(parse_scaled_decimal(".5", 1), 5);
  EXPECT_EQ(parse_scaled_decimal("7.", 0), 7);
  EXPECT_EQ(parse_scaled_decimal("0.001", 6), 1000);
}

TEST(Decimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(parse_scaled_decimal("0.125", 2), 13);
  EXPECT_EQ(parse_scaled_decimal("-0.125", 2), -13);
  EXPECT_EQ(parse_scaled_decimal("0.1249", 2), 12);
  EXPECT_EQ(round_scaled(1500, 3), 2);
  EXPECT_EQ(round_scaled(-1500, 3), -2);
  EXPECT_EQ(round_scaled(1499, 3), 1);
  EXPECT_EQ(round_scaled(-1499, 3), -1);
  EXPECT_EQ(round_scaled(42, 0), 42);
}

TEST(Decimal, RejectsMalformedAndOverflowingText) {
  for (const char* bad : {"", " ", "-", ".", "1.2.3", "1e5", "12a", "0x10", "1,5", "--1"}) {
    EXPECT_FALSE(parse_scaled_decimal(bad, 2).has_value()) << bad;
  }
  EXPECT_FALSE(parse_scaled_decimal("99999999999999999999", 0).has_value());
  EXPECT_FALSE(parse_scaled_decimal("9223372036854775807", 2).has_value());
  EXPECT_FALSE(parse_scaled_decimal("0.12x", 1).has_value());
}

// Plain digit strings take a fast path; surrounding blanks send the same text down the general
// one, and both must agree — including on too many decimals (rounded) and overflow.
TEST(Decimal, PlainFastPathAgreesWithTheGeneralParser) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 20000; ++i) {
    std::string text = std::to_string(rng() % 1000000000000ULL >> (rng() % 40));
    const std::size_t point = rng() % (text.size() + 2);
    if (point <= text.size()) text.insert(point, ".");
    for (const int scale : {0, 2, 3, 6, 9}) {
      EXPECT_EQ(parse_scaled_decimal(text, scale), parse_scaled_decimal(" " + text + " ", scale))
          << text << " scale " << scale;
    }
  }
  EXPECT_EQ(parse_scaled_decimal("999999999999999999", 2), std::nullopt);
  EXPECT_EQ(parse_scaled_decimal("12.345", 2), 1235);
  EXPECT_EQ(parse_scaled_decimal("0012.30", 3), 12300);
}

}  // namespace
}  // namespace rapport::io
