#include "core/collation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace rapport::core {
namespace {

std::vector<std::string> sorted_by_key(std::vector<std::string> names) {
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return collation_key(a) < collation_key(b);
  });
  return names;
}

TEST(Collation, SortsDutchNamesAmongTheirLetters) {
  EXPECT_EQ(sorted_by_key({"Zandvoort", "de Vries", "Ĳsselmeer", "Bakker", "Dekker", "Jansen",
                           "Ibrahim", "van Dijk"}),
            (std::vector<std::string>{"Bakker", "de Vries", "Dekker", "Ibrahim", "Ĳsselmeer",
                                      "Jansen", "van Dijk", "Zandvoort"}));
}

TEST(Collation, IgnoresCaseButKeepsAccentsNextToTheirLetter) {
  EXPECT_EQ(collation_key("apple"), collation_key("APPLE"));
  EXPECT_NE(collation_key("Emile"), collation_key("Émile"));
  EXPECT_EQ(sorted_by_key({"Zoë", "Émile", "eve", "Edgar", "Fay"}),
            (std::vector<std::string>{"Edgar", "Émile", "eve", "Fay", "Zoë"}));
}

TEST(Collation, KeysAreLowerCaseHexWithoutTheTerminator) {
  std::string key = collation_key("Ab");
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(key.size() % 2, 0u);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(key.substr(key.size() - 2), "00");
  // Empty text sorts before any other.
  EXPECT_LT(collation_key(""), collation_key(" "));
  EXPECT_LT(collation_key(""), collation_key("a"));
}

TEST(Collation, OrdersThaiAndChineseWithoutError) {
  // Thai puts the leading vowel after the consonant it is spoken after: เก sorts with ก.
  EXPECT_LT(collation_key("กา"), collation_key("เก"));
  EXPECT_LT(collation_key("เก"), collation_key("ขา"));
  EXPECT_FALSE(collation_key("陳大文").empty());
}

TEST(Collation, NumberKeysFollowNumericOrder) {
  std::vector<double> numbers{-1e300, -42.5, -1, -0.0, 0, 1e-9, 1, 42.5, 1e300};
  for (std::size_t i = 1; i < numbers.size(); ++i) {
    EXPECT_LE(number_key(numbers[i - 1]), number_key(numbers[i])) << numbers[i];
  }
  EXPECT_EQ(number_key(-0.0), number_key(0.0));
  EXPECT_EQ(number_key(7).size(), 16u);
}

TEST(Collation, NamesItsRules) {
  EXPECT_TRUE(collation_version().starts_with("icu-root-secondary-"));
}

}  // namespace
}  // namespace rapport::core
