// Tests of currency validation.
#include "core/money.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(Money, AcceptsIsoCodes) {
  auto baht = make_money(12345, "THB");
  ASSERT_TRUE(baht.ok());
  EXPECT_EQ(baht->minor_units, 12345);
  EXPECT_TRUE(is_currency_code("EUR"));
  EXPECT_TRUE(is_currency_code("PHP"));
  EXPECT_TRUE(is_currency_code("TWD"));
  EXPECT_EQ(minor_unit_digits("JPY"), 0);
  EXPECT_EQ(minor_unit_digits("EUR"), 2);
}

TEST(Money, RejectsUnknownCodesWithAFieldError) {
  for (const char* bad : {"", "thb", "XYZ", "EURO", "€"}) {
    auto money = make_money(1, bad, "annual_revenue/currency");
    ASSERT_FALSE(money.ok()) << bad;
    ASSERT_EQ(money.error().fields.size(), 1u);
    EXPECT_EQ(money.error().fields[0].field, "annual_revenue/currency");
  }
}

}  // namespace
}  // namespace rapport::core
