// Request metrics in the Prometheus text format (counters by route template and status class,
// latency histograms, in-flight gauge, gauges reported by the store), and the operational routes
// /metrics, /healthz and /readyz.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/router.hpp"

namespace rapport::http {

// One gauge another layer reports, e.g. {"rapport_db_pool_in_use", "connections lent out", 3}.
struct GaugeSample {
  std::string name;  // a Prometheus metric name: [a-zA-Z_:][a-zA-Z0-9_:]*
  std::string help;
  double value = 0;
};

class Metrics {
 public:
  // Latency bucket bounds in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

  void request_started();
  // Counts a finished request; `route` is the matched template ("unmatched" when none), so the
  // label set stays bounded whatever paths clients send.
  void request_finished(std::string_view route, Method method, unsigned status, double seconds);

  // Called at every scrape; its samples are rendered as gauges (names that are not valid
  // Prometheus names are skipped). Set it before the server starts.
  void set_gauge_reporter(std::function<std::vector<GaugeSample>()> reporter);

  // The exposition text (format 0.0.4).
  std::string render() const;

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};
  };
  using Key = std::tuple<std::string, std::string, std::string>;  // route, method, status class

  std::atomic<std::int64_t> in_flight_{0};
  mutable std::mutex mutex_;
  std::map<Key, Series> series_;
  std::function<std::vector<GaugeSample>()> reporter_;
};

inline constexpr std::string_view kPrometheusType = "text/plain; version=0.0.4; charset=utf-8";

// Readiness: ok when the app can serve (database reachable and migrated), otherwise why not.
using ReadinessCheck = std::function<core::Status()>;

// GET /metrics (the exposition), /healthz (200 while the process serves), /readyz (200, or 503
// with the readiness error's message). None of them draws on a rate-limit budget.
void add_operational_routes(Router& router, Metrics& metrics, ReadinessCheck ready);

}  // namespace rapport::http
