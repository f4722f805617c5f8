// Hold-out validation: bucket arithmetic, and BG/NBD / Pareto/NBD on CDNOW's 39-week hold-out.
#include "analytics/validation.hpp"

#include <gtest/gtest.h>

#include "analytics/test_data.hpp"

namespace rapport::analytics {
namespace {

TEST(Validation, BucketsByCalibrationFrequency) {
  CustomerSummaries s{{"a", "b", "c", "d"}, {0, 1, 9, 7}, {0, 1, 3, 3}, {4, 4, 4, 4}, {}};
  const double predicted[] = {0.5, 1.0, 4.0, 2.0};
  const double actual[] = {1, 0, 3, 3};
  auto result = compare_holdout(s, predicted, actual);
  ASSERT_TRUE(result.ok());
  EXPECT_DOUBLE_EQ(result->actual, 7);
  EXPECT_DOUBLE_EQ(result->predicted, 7.5);
  EXPECT_DOUBLE_EQ(result->mean_absolute_error, (0.5 + 1 + 1 + 1) / 4.0);
  ASSERT_EQ(result->by_frequency.size(), 8u);
  EXPECT_EQ(result->by_frequency[7].label, "7+");
  EXPECT_EQ(result->by_frequency[7].customers, 2u);
  EXPECT_DOUBLE_EQ(result->by_frequency[7].actual, 6);
  EXPECT_DOUBLE_EQ(result->by_frequency[7].predicted, 6);
  EXPECT_EQ(result->by_frequency[3].customers, 0u);
}

TEST(Validation, RejectsMismatchedInput) {
  CustomerSummaries s{{"a"}, {0}, {0}, {4}, {}};
  const double two[] = {1, 2};
  const double negative[] = {-1};
  const double one[] = {1};
  EXPECT_FALSE(compare_holdout(s, two, one).ok());
  auto bad = compare_holdout(s, one, negative);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "actual/0");
}

TEST(Validation, CdnowHoldoutForBgNbdAndParetoNbd) {
  const auto s = testing::cdnow_frequency_summaries();
  const auto actual = testing::cdnow_holdout_purchase_days(s.customer_ids);
  auto bgnbd = fit_bgnbd(s);
  auto pnbd = fit_pareto_nbd(s);
  ASSERT_TRUE(bgnbd.ok());
  ASSERT_TRUE(pnbd.ok());
  auto bg = validate_bgnbd(s, bgnbd->params, actual, 39);
  auto pn = validate_pareto_nbd(s, pnbd->params, actual, 39);
  ASSERT_TRUE(bg.ok());
  ASSERT_TRUE(pn.ok());
  // REFERENCE.md §1 and §2: 1,882 hold-out purchase days; Σ E[Y(39)] = 1653.42.
  EXPECT_DOUBLE_EQ(bg->actual, 1882);
  EXPECT_NEAR(bg->predicted, 1653.42, 0.05);
  double bucket_total = 0;
  std::size_t customers = 0;
  for (const auto& bucket : bg->by_frequency) {
    bucket_total += bucket.predicted;
    customers += bucket.customers;
  }
  EXPECT_NEAR(bucket_total, bg->predicted, 1e-9);
  EXPECT_EQ(customers, s.size());
  // Both models order the buckets like the data: heavier calibration buyers buy more later.
  for (std::size_t b = 1; b < 8; ++b) {
    const auto& lower = bg->by_frequency[b - 1];
    const auto& upper = bg->by_frequency[b];
    EXPECT_GT(upper.predicted / upper.customers, lower.predicted / lower.customers) << b;
  }
  EXPECT_NEAR(pn->predicted, bg->predicted, 0.05 * bg->predicted);
}

}  // namespace
}  // namespace rapport::analytics
