// Metric bookkeeping under one mutex (a map insert per new route, an increment otherwise) and
// rendering of the text format.
#include "http/metrics.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <cstdio>

#include "http/problem.hpp"

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

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

std::string single_line(std::string_view help) {
  std::string out(help);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

void Metrics::request_started() { ++in_flight_; }

void Metrics::request_finished(std::string_view route, Method method, unsigned status,
                               double seconds) {
  --in_flight_;
  const std::string status_class = std::to_string(status / 100) + "xx";
  std::lock_guard lock(mutex_);
  Series& s = series_[Key{std::string(route), std::string(boost::beast::http::to_string(method)),
                          status_class}];
  ++s.count;
  s.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  }
}

void Metrics::set_gauge_reporter(std::function<std::vector<GaugeSample>()> reporter) {
  std::lock_guard lock(mutex_);
  reporter_ = std::move(reporter);
}

std::string Metrics::render() const {
  std::string out;
  std::function<std::vector<GaugeSample>()> reporter;
  {
    std::lock_guard lock(mutex_);
    reporter = reporter_;
    out +=
        "# HELP rapport_http_requests_total HTTP requests answered, by route template, method and "
        "status class.\n# TYPE rapport_http_requests_total counter\n";
    for (const auto& [key, s] : series_) {
      const auto& [route, method, status] = key;
      out += "rapport_http_requests_total{route=\"" + escape_label(route) + "\",method=\"" +
             method + "\",status=\"" + status + "\"} " + std::to_string(s.count) + "\n";
    }
    out +=
        "# HELP rapport_http_request_duration_seconds Time from a request's headers to its "
        "response written.\n# TYPE rapport_http_request_duration_seconds histogram\n";
    for (const auto& [key, s] : series_) {
      const auto& [route, method, status] = key;
      const std::string labels = "route=\"" + escape_label(route) + "\",method=\"" + method +
                                 "\",status=\"" + status + "\"";
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        out += "rapport_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
               number(kBuckets[i]) + "\"} " + std::to_string(s.buckets[i]) + "\n";
      }
      out += "rapport_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
             std::to_string(s.count) + "\n";
      out += "rapport_http_request_duration_seconds_sum{" + labels + "} " + number(s.sum) + "\n";
      out += "rapport_http_request_duration_seconds_count{" + labels + "} " +
             std::to_string(s.count) + "\n";
    }
  }
  out +=
      "# HELP rapport_http_requests_in_flight Requests being handled now.\n"
      "# TYPE rapport_http_requests_in_flight gauge\nrapport_http_requests_in_flight " +
      std::to_string(in_flight_.load()) + "\n";
  if (reporter) {
    for (const GaugeSample& g : reporter()) {
      if (!is_metric_name(g.name)) continue;
      out += "# HELP " + g.name + " " + single_line(g.help) + "\n# TYPE " + g.name + " gauge\n" +
             g.name + " " + number(g.value) + "\n";
    }
  }
  return out;
}

void add_operational_routes(Router& router, Metrics& metrics, ReadinessCheck ready) {
  const RouteOptions quiet{.body_limit = 0, .limit_group = LimitGroup::kNone};
  router.get(
      "/metrics",
      [&metrics](Request&) -> core::Result<Response> {
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
