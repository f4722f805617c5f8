// Tests for monthly acquisition cohorts: a handmade table with known answers and consistency on
// the clean Online Retail set.
#include "analytics/cohorts.hpp"

#include <gtest/gtest.h>

#include "analytics/transaction_test_data.hpp"

namespace rapport::analytics {
namespace {

using testing::day_of;

TEST(Cohorts, HandmadeTable) {
  TransactionTable t;
  auto add = [&](std::string_view customer, std::int32_t day, std::int64_t amount) {
    io::TransactionRow row;
    row.customer = customer;
    row.currency = "EUR";
    row.timestamp = std::int64_t{day} * 86400;
    row.amount = amount;
    ASSERT_TRUE(t.add(row).ok());
  };
  add("a", day_of(2021, 1, 5), 100);
  add("a", day_of(2021, 1, 20), 50);
  add("a", day_of(2021, 3, 1), 70);
  add("b", day_of(2021, 1, 31), 10);
  add("c", day_of(2021, 2, 1), 5);
  add("c", day_of(2021, 3, 31), 6);
  auto cohorts = monthly_cohorts(t);
  ASSERT_TRUE(cohorts.ok());
  ASSERT_EQ(cohorts->size(), 2U);
  const Cohort& jan = (*cohorts)[0];
  EXPECT_EQ(jan.year, 2021);
  EXPECT_EQ(jan.month, 1U);
  EXPECT_EQ(jan.customers, 2);
  EXPECT_EQ(jan.active, (std::vector<std::int64_t>{2, 0, 1}));
  EXPECT_EQ(jan.retention, (std::vector<double>{1.0, 0.0, 0.5}));
  EXPECT_EQ(jan.revenue, (std::vector<std::int64_t>{160, 0, 70}));
  const Cohort& feb = (*cohorts)[1];
  EXPECT_EQ(feb.month, 2U);
  EXPECT_EQ(feb.customers, 1);
  EXPECT_EQ(feb.active, (std::vector<std::int64_t>{1, 1}));
  EXPECT_EQ(feb.revenue, (std::vector<std::int64_t>{5, 6}));
}

TEST(Cohorts, DatesBeforeYearZero) {
  TransactionTable t;
  io::TransactionRow row;
  row.customer = "ancient";
  row.currency = "EUR";
  row.timestamp = std::int64_t{day_of(-1, 11, 30)} * 86400;
  ASSERT_TRUE(t.add(row).ok());
  auto cohorts = monthly_cohorts(t);
  ASSERT_TRUE(cohorts.ok());
  ASSERT_EQ(cohorts->size(), 1U);
  EXPECT_EQ((*cohorts)[0].year, -1);
  EXPECT_EQ((*cohorts)[0].month, 11U);
}

TEST(Cohorts, EmptyTableHasNoCohorts) {
  auto cohorts = monthly_cohorts(TransactionTable());
  ASSERT_TRUE(cohorts.ok());
  EXPECT_TRUE(cohorts->empty());
}

TEST(Cohorts, OnlineRetailIsConsistent) {
  auto cohorts = monthly_cohorts(testing::online_retail_clean());
  ASSERT_TRUE(cohorts.ok());
  ASSERT_EQ(cohorts->size(), 13U);  // 2010-12 .. 2011-12
  EXPECT_EQ(cohorts->front().year, 2010);
  EXPECT_EQ(cohorts->front().month, 12U);
  EXPECT_EQ(cohorts->front().active.size(), 13U);
  EXPECT_EQ(cohorts->back().active.size(), 1U);
  std::int64_t customers = 0, revenue = 0;
  for (const Cohort& c : *cohorts) {
    customers += c.customers;
    EXPECT_EQ(c.active[0], c.customers);
    for (std::size_t k = 0; k < c.active.size(); ++k) {
      EXPECT_LE(c.active[k], c.customers);
      revenue += c.revenue[k];
    }
  }
  EXPECT_EQ(customers, 4338);
  EXPECT_EQ(revenue, 891140790);
}

}  // namespace
}  // namespace rapport::analytics
