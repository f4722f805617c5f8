// Metric bookkeeping under one mutex (a map insert per new route, an increment otherwise),
// /proc/self figures, the scrape allow-list, and rendering of the text format.
#include "http/metrics.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <boost/json/object.hpp>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/problem.hpp"
#include "services/caller.hpp"

#ifndef RAPPORT_VERSION
#error "RAPPORT_VERSION must be defined (src/http/CMakeLists.txt)"
#endif

namespace rapport::http {
namespace {

std::string escape_label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

bool is_metric_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

// The shortest decimal text that reads back as the same double, without an exponent where it
// fits (byte counts and epoch seconds stay whole numbers a person can read).
std::string number(double v) {
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (result.ec != std::errc()) result = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, result.ptr);
}

std::string single_line(std::string_view help) {
  std::string out(help);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

template <class Series, class Bounds>
void histogram_lines(std::string& out, std::string_view name, const std::string& labels,
                     const Series& s, const Bounds& bounds) {
  const std::string sep = labels.empty() ? "" : ",";
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    out += std::string(name) + "_bucket{" + labels + sep + "le=\"" + number(bounds[i]) + "\"} " +
           std::to_string(s.buckets[i]) + "\n";
  }
  out += std::string(name) + "_bucket{" + labels + sep + "le=\"+Inf\"} " +
         std::to_string(s.count) + "\n";
  const std::string braces = labels.empty() ? "" : "{" + labels + "}";
  out += std::string(name) + "_sum" + braces + " " + number(s.sum) + "\n";
  out += std::string(name) + "_count" + braces + " " + std::to_string(s.count) + "\n";
}

constexpr std::array<std::string_view, services::kLoginOutcomes> kSignInOutcomes = {
    "success", "wrong_password", "locked", "deactivated", "throttled"};

// Seconds since the epoch at which the machine booted ("btime" in /proc/stat).
std::optional<double> boot_time() {
  std::ifstream in("/proc/stat");
  std::string key;
  double value = 0;
  while (in >> key) {
    if (key == "btime" && in >> value) return value;
    in.ignore(1 << 16, '\n');
  }
  return std::nullopt;
}

}  // namespace

std::optional<ProcessStats> read_process_stats() {
  std::ifstream in("/proc/self/stat");
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  // The command name (field 2) is in parentheses and may hold spaces; fields count on from the
  // last ')': field 3 is the state.
  const auto close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(line.substr(close + 1));
  std::vector<std::string> f{"", "", ""};  // fields 0-2, so that f[n] is field n (proc(5))
  for (std::string word; fields >> word;) f.push_back(word);
  if (f.size() <= 24) return std::nullopt;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  ProcessStats stats;
  stats.cpu_seconds = (std::stod(f[14]) + std::stod(f[15])) / ticks;
  stats.virtual_bytes = std::stod(f[23]);
  stats.resident_bytes = std::stod(f[24]) * page;
  if (auto booted = boot_time()) stats.start_time_seconds = *booted + std::stod(f[22]) / ticks;
  std::error_code ec;
  for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end;
       it.increment(ec)) {
    ++stats.open_fds;
  }
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) stats.max_fds = static_cast<double>(limit.rlim_cur);
  return stats;
}

namespace {

// An address as 16 bytes, IPv4 mapped into IPv6 (::ffff:a.b.c.d), so one comparison serves both.
std::optional<std::array<unsigned char, 16>> address_bytes(std::string_view text, bool& v4) {
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  v4 = address.is_v4();
  if (v4) return boost::asio::ip::make_address_v6(boost::asio::ip::v4_mapped, address.to_v4()).to_bytes();
  const auto v6 = address.to_v6();
  if (v6.is_v4_mapped()) v4 = true;
  return v6.to_bytes();
}

}  // namespace

AddressAllowList::AddressAllowList() {
  (void)add("127.0.0.0/8");
  (void)add("::1/128");
}

core::Status AddressAllowList::add(std::string_view cidr) {
  const auto slash = cidr.find('/');
  bool v4 = false;
  const auto bytes = address_bytes(cidr.substr(0, slash), v4);
  const auto bad = core::Error::field("--metrics-allow", "'" + std::string(cidr) +
                                                             "' is not an address or a CIDR network");
  if (!bytes) return bad;
  int prefix = v4 ? 32 : 128;
  if (slash != std::string_view::npos) {
    const std::string_view digits = cidr.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (ec != std::errc() || end != digits.data() + digits.size() || prefix < 0 ||
        prefix > (v4 ? 32 : 128)) {
      return bad;
    }
  }
  networks_.push_back({*bytes, v4 ? prefix + 96 : prefix});
  return core::ok_status();
}

bool AddressAllowList::allows(std::string_view address) const {
  bool v4 = false;
  const auto bytes = address_bytes(address, v4);
  if (!bytes) return false;
  return std::any_of(networks_.begin(), networks_.end(), [&](const Network& n) {
    for (int bit = 0; bit < n.prefix; ++bit) {
      const unsigned char mask = static_cast<unsigned char>(0x80u >> (bit % 8));
      if (((*bytes)[bit / 8] & mask) != (n.bytes[bit / 8] & mask)) return false;
    }
    return true;
  });
}

void Metrics::request_started() { ++in_flight_; }

void Metrics::request_finished(std::string_view route, Method method, unsigned status,
                               double seconds) {
  --in_flight_;
  const std::string status_class = std::to_string(status / 100) + "xx";
  std::lock_guard lock(mutex_);
  ++responses_[status];
  Series& s = series_[Key{std::string(route), std::string(boost::beast::http::to_string(method)),
                          status_class}];
  ++s.count;
  s.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
}

void Metrics::sign_in(services::LoginOutcome outcome) {
  ++sign_ins_[static_cast<std::size_t>(outcome)];
}

void Metrics::rate_limited(LimitGroup group) {
  if (group == LimitGroup::kNone) return;
  ++rate_limited_[group == LimitGroup::kLogin ? 1 : 0];
}

void Metrics::database_work(DbWork kind, double seconds) {
  std::lock_guard lock(mutex_);
  Series& s = database_[static_cast<std::size_t>(kind)];
  ++s.count;
  s.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
}

void Metrics::set_reporter(std::function<std::vector<Sample>()> reporter) {
  std::lock_guard lock(mutex_);
  reporter_ = std::move(reporter);
}

std::string Metrics::render() const {
  std::string out;
  header(out, "rapport_build_info", "gauge", "Always 1; the version label names the build.");
  out += "rapport_build_info{version=\"" + escape_label(RAPPORT_VERSION) + "\"} 1\n";
  if (const auto p = read_process_stats()) {
    header(out, "process_cpu_seconds_total", "counter", "User and system CPU time spent, seconds.");
    out += "process_cpu_seconds_total " + number(p->cpu_seconds) + "\n";
    header(out, "process_resident_memory_bytes", "gauge", "Resident memory size, bytes.");
    out += "process_resident_memory_bytes " + number(p->resident_bytes) + "\n";
    header(out, "process_virtual_memory_bytes", "gauge", "Virtual memory size, bytes.");
    out += "process_virtual_memory_bytes " + number(p->virtual_bytes) + "\n";
    header(out, "process_open_fds", "gauge", "Open file descriptors.");
    out += "process_open_fds " + number(p->open_fds) + "\n";
    header(out, "process_max_fds", "gauge", "The most file descriptors the process may open.");
    out += "process_max_fds " + number(p->max_fds) + "\n";
    header(out, "process_start_time_seconds", "gauge",
           "When the process started, seconds since the Unix epoch.");
    out += "process_start_time_seconds " + number(p->start_time_seconds) + "\n";
  }
  std::function<std::vector<Sample>()> reporter;
  {
    std::lock_guard lock(mutex_);
    reporter = reporter_;
    header(out, "rapport_http_requests_total", "counter",
           "HTTP requests answered, by route template, method and status class.");
    for (const auto& [key, s] : series_) {
      const auto& [route, method, status] = key;
      out += "rapport_http_requests_total{route=\"" + escape_label(route) + "\",method=\"" +
             method + "\",status=\"" + status + "\"} " + std::to_string(s.count) + "\n";
    }
    header(out, "rapport_http_responses_total", "counter", "HTTP responses, by status code.");
    for (const auto& [code, count] : responses_) {
      out += "rapport_http_responses_total{code=\"" + std::to_string(code) + "\"} " +
             std::to_string(count) + "\n";
    }
    header(out, "rapport_http_request_duration_seconds", "histogram",
           "Time from a request's headers to its response written.");
    for (const auto& [key, s] : series_) {
      const auto& [route, method, status] = key;
      histogram_lines(out, "rapport_http_request_duration_seconds",
                      "route=\"" + escape_label(route) + "\",method=\"" + method +
                          "\",status=\"" + status + "\"",
                      s, kBuckets);
    }
    header(out, "rapport_db_work_seconds", "histogram",
           "Units of work on customer records, from asking for a connection to commit, by kind.");
    histogram_lines(out, "rapport_db_work_seconds", "kind=\"read\"", database_[0], kBuckets);
    histogram_lines(out, "rapport_db_work_seconds", "kind=\"write\"", database_[1], kBuckets);
  }
  header(out, "rapport_http_requests_in_flight", "gauge", "Requests being handled now.");
  out += "rapport_http_requests_in_flight " + std::to_string(in_flight_.load()) + "\n";
  header(out, "rapport_signins_total", "counter",
         "Sign-ins (POST /api/v1/session) that reached a password check or its throttle, by "
         "outcome.");
  for (std::size_t i = 0; i < kSignInOutcomes.size(); ++i) {
    out += "rapport_signins_total{outcome=\"" + std::string(kSignInOutcomes[i]) + "\"} " +
           std::to_string(sign_ins_[i].load()) + "\n";
  }
  header(out, "rapport_rate_limit_refusals_total", "counter",
         "Requests refused with 429 because the client address spent its budget, by budget.");
  out += "rapport_rate_limit_refusals_total{budget=\"api\"} " +
         std::to_string(rate_limited_[0].load()) + "\n";
  out += "rapport_rate_limit_refusals_total{budget=\"login\"} " +
         std::to_string(rate_limited_[1].load()) + "\n";
  if (reporter) {
    for (const Sample& g : reporter()) {
      if (!is_metric_name(g.name)) continue;
      header(out, g.name, g.type == Sample::Type::kCounter ? "counter" : "gauge",
             single_line(g.help));
      out += g.name + " " + number(g.value) + "\n";
    }
  }
  return out;
}

void add_operational_routes(Router& router, Metrics& metrics, ReadinessCheck ready,
                            AddressAllowList scrapers) {
  const RouteOptions quiet{.body_limit = 0, .limit_group = LimitGroup::kNone};
  router.get(
      "/metrics",
      [&metrics, scrapers = std::move(scrapers)](Request& request) -> core::Result<Response> {
        // The figures tell an outsider how busy the server is and which errors it answers, so
        // only the machine itself (a local Prometheus or agent), configured networks and admins
        // may read them.
        const auto* caller = request.auth_as<services::Caller>();
        const bool admin = caller && caller->role == core::Role::kAdmin;
        if (!admin && !scrapers.allows(request.client_address)) {
          return core::Error::forbidden(
              "metrics are served without credentials only to loopback and the networks of "
              "--metrics-allow; send an admin's API token");
        }
        return Response::text(metrics.render(), kPrometheusType);
      },
      quiet);
  router.get(
      "/healthz",
      [](Request&) -> core::Result<Response> {
        return Response::json(boost::json::object{{"status", "up"}});
      },
      quiet);
  router.get(
      "/readyz",
      [ready = std::move(ready)](Request&) -> core::Result<Response> {
        const core::Status status = ready();
        if (!status.ok()) return core::Error::unavailable("not ready: " + status.error().message);
        return Response::json(boost::json::object{{"status", "ready"}});
      },
      quiet);
}

}  // namespace rapport::http
