// Tests of phone parsing and search digits.
#include "core/phone.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace rapport::core {
namespace {

TEST(Phone, ParsesInternationalAndNationalFormsToE164) {
  auto intl = parse_phone(" +66 81 234 5678 ", "NL");
  ASSERT_TRUE(intl.ok()) << intl.error().message;
  EXPECT_EQ(intl->e164, "+66812345678");
  EXPECT_EQ(intl->original, "+66 81 234 5678");
  auto national = parse_phone("081-234-5678", "TH");
  ASSERT_TRUE(national.ok());
  EXPECT_EQ(national->e164, "+66812345678");
  EXPECT_EQ(parse_phone("020 123 4567", "NL")->e164, "+31201234567");
}

TEST(Phone, RejectsInvalidNumbersWithAFieldError) {
  for (const char* bad : {"", "hello", "123", "+66 1", "+999 123 456 789"}) {
    auto phone = parse_phone(bad, "TH", "phones/0/number");
    ASSERT_FALSE(phone.ok()) << bad;
    EXPECT_EQ(phone.error().fields.at(0).field, "phones/0/number");
  }
}

TEST(Phone, SearchDigitsCoverBothTypedFormats) {
  auto digits = phone_search_digits("+66812345678");
  auto has = [&](const std::string& q) {
    return std::any_of(digits.begin(), digits.end(),
                       [&](const std::string& d) { return d.find(q) != std::string::npos; });
  };
  EXPECT_TRUE(has(*phone_query_digits("+66 81 234 5678")));
  EXPECT_TRUE(has(*phone_query_digits("081-234-5678")));
  EXPECT_TRUE(has(*phone_query_digits("(081) 234.5678")));
  EXPECT_FALSE(has(*phone_query_digits("081-999-5678")));
}

TEST(Phone, QueryDigitsOnlyForPhoneLikeQueries) {
  EXPECT_FALSE(phone_query_digits("Somchai 081").has_value());
  EXPECT_FALSE(phone_query_digits("12-3").has_value());
  EXPECT_EQ(*phone_query_digits("081 234"), "081234");
}

}  // namespace
}  // namespace rapport::core
