// Concentration measures over per-customer revenue, in exact integer sums where possible.
#include "analytics/concentration.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace rapport::analytics {

core::Result<Concentration> concentration(std::span<const std::int64_t> revenue,
                                          std::span<const double> top_fractions,
                                          std::size_t lorenz_points) {
  if (revenue.empty()) return core::Error::field("revenue", "no customers");
  if (lorenz_points < 2) return core::Error::field("lorenz_points", "must be at least 2");
  for (double f : top_fractions) {
    if (!(f > 0 && f <= 1)) return core::Error::field("top_fractions", "must lie in (0, 1]");
  }
  std::vector<std::int64_t> sorted(revenue.begin(), revenue.end());
  std::sort(sorted.begin(), sorted.end());
  if (sorted.front() < 0) {
    return core::Error::field("revenue", "negative revenue for a customer; filter returns first");
  }
  const std::size_t n = sorted.size();
  // cumulative[k] = revenue of the k smallest spenders.
  std::vector<std::int64_t> cumulative(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) cumulative[i + 1] = cumulative[i] + sorted[i];
  const std::int64_t total = cumulative[n];
  if (total == 0) return core::Error::field("revenue", "total revenue is zero");
  const auto share = [&](std::int64_t part) {
    return static_cast<double>(static_cast<long double>(part) / static_cast<long double>(total));
  };
  const auto top_revenue = [&](std::size_t k) { return total - cumulative[n - k]; };

  Concentration out;
  for (double f : top_fractions) {
    // The small epsilon keeps ⌊0.2 · 4338⌋ from landing one below when 0.2·N is integral.
    const auto k = static_cast<std::size_t>(std::floor(f * static_cast<double>(n) + 1e-9));
    out.top.push_back({f, k, share(top_revenue(k))});
  }
  // Smallest k with 10 · top(k) ≥ 8 · total, in integers.
  std::size_t lo = 0;
  std::size_t hi = n;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (static_cast<long double>(top_revenue(mid)) * 10 >= static_cast<long double>(total) * 8) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  out.customers_for_80_percent = lo;

  for (std::size_t p = 0; p < lorenz_points; ++p) {
    const std::size_t k = (p * n + (lorenz_points - 1) / 2) / (lorenz_points - 1);
    out.lorenz.push_back({static_cast<double>(k) / static_cast<double>(n), share(cumulative[k])});
  }
  // G = 2·Σ i·x_(i) / (n·Σx) − (n + 1)/n with x ascending and i from 1.
  long double weighted = 0;
  for (std::size_t i = 0; i < n; ++i) {
    weighted += static_cast<long double>(i + 1) * static_cast<long double>(sorted[i]);
  }
  const auto nn = static_cast<long double>(n);
  out.gini =
      static_cast<double>(2 * weighted / (nn * static_cast<long double>(total)) - (nn + 1) / nn);
  return out;
}

}  // namespace rapport::analytics
