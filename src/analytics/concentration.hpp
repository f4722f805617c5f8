// Revenue concentration across customers: top-k shares, how many customers make 80 % of revenue,
// the Lorenz curve and the Gini coefficient.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

inline constexpr std::array<double, 4> kDefaultTopFractions = {0.01, 0.05, 0.10, 0.20};

struct TopShare {
  double fraction = 0;        // of customers, e.g. 0.2
  std::size_t customers = 0;  // ⌊fraction · N⌋, the biggest spenders
  double revenue_share = 0;   // their share of total revenue
};

struct LorenzPoint {
  double customer_share = 0;  // customers sorted by ascending revenue
  double revenue_share = 0;
};

struct Concentration {
  std::vector<TopShare> top;                 // one per requested fraction, in the order asked
  std::size_t customers_for_80_percent = 0;  // fewest top spenders whose revenue ≥ 80 %
  std::vector<LorenzPoint> lorenz;           // from (0, 0) to (1, 1)
  double gini = 0;  // 0 = everyone spends the same, → 1 = one customer has all
};

// Computes concentration from one revenue figure per customer (minor units). The Lorenz curve
// has lorenz_points points (at least 2) evenly spaced in customer share; Gini is exact, from all
// customers. Fails (invalid, with a field error) when revenue is empty, any value is negative
// (net returns: filter them first) or the total is zero, or a fraction lies outside (0, 1].
core::Result<Concentration> concentration(
    std::span<const std::int64_t> revenue,
    std::span<const double> top_fractions = kDefaultTopFractions, std::size_t lorenz_points = 101);

}  // namespace rapport::analytics
