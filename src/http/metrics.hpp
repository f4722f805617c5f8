// Metrics in the Prometheus text format (requests by route and by status code, latency and
// database-work histograms, sign-ins by outcome, rate-limit refusals, the process's CPU, memory
// and files, samples other layers report), and the operational routes /metrics, /healthz and
// /readyz.
#pragma once

#include <array>
#include <atomic>
#include <optional>
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
#include "services/auth_service.hpp"

namespace rapport::http {

// One value another layer reports, e.g. {"rapport_db_pool_in_use", "connections lent out", 3}.
struct Sample {
  enum class Type { kGauge, kCounter };
  std::string name;  // a Prometheus metric name: [a-zA-Z_:][a-zA-Z0-9_:]*
  std::string help;
  double value = 0;
  Type type = Type::kGauge;
};

// A unit of database work, timed from asking for a connection to commit or rollback.
enum class DbWork { kRead, kWrite };

class Metrics {
 public:
  // Latency bucket bounds in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

  void request_started();
  // Counts a finished request; `route` is the matched template ("unmatched" when none), so the
  // label set stays bounded whatever paths clients send.
  // It is also counted by its exact status code, so that a 429 or a 503 stands out.
  void request_finished(std::string_view route, Method method, unsigned status, double seconds);

  void sign_in(services::LoginOutcome outcome);
  // A request refused by a rate-limit budget (LimitGroup::kApi or kLogin).
  void rate_limited(LimitGroup group);
  void database_work(DbWork kind, double seconds);

  // Called at every scrape; its samples are rendered with their type (names that are not valid
  // Prometheus names are skipped). Set it before the server starts.
  void set_reporter(std::function<std::vector<Sample>()> reporter);

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
  std::array<std::atomic<std::uint64_t>, services::kLoginOutcomes> sign_ins_{};  // by outcome
  std::array<std::atomic<std::uint64_t>, 2> rate_limited_{};  // api, login
  mutable std::mutex mutex_;
  std::map<Key, Series> series_;
  std::map<unsigned, std::uint64_t> responses_;  // by status code
  std::array<Series, 2> database_{};             // by DbWork
  std::function<std::vector<Sample>()> reporter_;
};

// The process's own figures, read from /proc/self at each scrape (Linux).
struct ProcessStats {
  double cpu_seconds = 0;         // user + system
  double resident_bytes = 0;
  double virtual_bytes = 0;
  double open_fds = 0;
  double max_fds = 0;             // the soft RLIMIT_NOFILE
  double start_time_seconds = 0;  // since the Unix epoch
};
std::optional<ProcessStats> read_process_stats();

// The client addresses that may scrape /metrics without credentials: loopback always, plus the
// networks given (`rapport serve --metrics-allow CIDR`).
class AddressAllowList {
 public:
  AddressAllowList();  // loopback only
  // Adds "10.0.0.0/8", "2001:db8::/32" or one address; kInvalid when it is neither.
  core::Status add(std::string_view cidr);
  bool allows(std::string_view address) const;

 private:
  struct Network {
    std::array<unsigned char, 16> bytes{};  // IPv4 as an IPv4-mapped IPv6 address
    int prefix = 0;                         // bits of `bytes` that must match
  };
  std::vector<Network> networks_;
};

inline constexpr std::string_view kPrometheusType = "text/plain; version=0.0.4; charset=utf-8";

// Readiness: ok when the app can serve (database reachable and migrated), otherwise why not.
using ReadinessCheck = std::function<core::Status()>;

// GET /metrics (the exposition; 403 to a client outside `scrapers` unless it is signed in as an
// admin), /healthz (200 while the process serves), /readyz (200, or 503 with the readiness
// error's message). None of them draws on a rate-limit budget.
void add_operational_routes(Router& router, Metrics& metrics, ReadinessCheck ready,
                            AddressAllowList scrapers = {});

}  // namespace rapport::http
