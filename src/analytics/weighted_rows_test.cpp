// Grouping of customer summaries into weighted distinct rows, and their validation.
#include "analytics/weighted_rows.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace rapport::analytics {
namespace {

TEST(WeightedRows, GroupsIdenticalRowsAndMapsCustomersBack) {
  const CustomerSummaries s{
      {"a", "b", "c", "d", "e"}, {2, 0, 2, 1, 0}, {5, 0, 5, 3, 0}, {10, 10, 10, 10, 8}, {}};
  auto rows = aggregate_rows(s);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 4u);
  // Sorted by (x, t_x, T).
  EXPECT_EQ(rows->frequency, (std::vector<double>{0, 0, 1, 2}));
  EXPECT_EQ(rows->age, (std::vector<double>{8, 10, 10, 10}));
  EXPECT_EQ(rows->weight, (std::vector<double>{1, 1, 1, 2}));
  EXPECT_EQ(rows->row_of_customer, (std::vector<std::size_t>{3, 1, 3, 2, 0}));
}

TEST(WeightedRows, RejectsImpossibleSummaries) {
  struct Case {
    double x, t_x, age;
    const char* field;
  };
  for (const Case& c :
       {Case{-1, 0, 5, "frequency/0"}, Case{1.5, 1, 5, "frequency/0"}, Case{1, 6, 5, "recency/0"},
        Case{0, 2, 5, "recency/0"}, Case{0, 0, -1, "age/0"}, Case{1, NAN, 5, "recency/0"}}) {
    auto rows = aggregate_rows(CustomerSummaries{{"a"}, {c.x}, {c.t_x}, {c.age}, {}});
    ASSERT_FALSE(rows.ok()) << c.field;
    EXPECT_EQ(rows.error().fields.at(0).field, c.field);
  }
  EXPECT_FALSE(aggregate_rows(CustomerSummaries{}).ok());
  // A customer first seen on the last calibration day (T = 0) is valid.
  EXPECT_TRUE(aggregate_rows(CustomerSummaries{{"a"}, {0}, {0}, {0}, {}}).ok());
  EXPECT_FALSE(aggregate_rows(CustomerSummaries{{"a"}, {1}, {1, 2}, {3}, {}}).ok());
}

}  // namespace
}  // namespace rapport::analytics
