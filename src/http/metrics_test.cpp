// The exposition text: counters, histogram buckets, in-flight gauge, reported gauges, and the
// operational routes.
#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.starts_with(line + "\n");
}

TEST(Metrics, CountsByRouteMethodAndStatusClass) {
  Metrics m;
  for (int i = 0; i < 3; ++i) m.request_started();
  m.request_finished("/api/v1/contacts/{id}", Method::get, 200, 0.003);
  m.request_finished("/api/v1/contacts/{id}", Method::get, 204, 0.2);
  m.request_finished("unmatched", Method::get, 404, 0.0001);
  m.request_started();
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, "# TYPE rapport_http_requests_total counter"));
  EXPECT_TRUE(has_line(
      text,
      R"(rapport_http_requests_total{route="/api/v1/contacts/{id}",method="GET",status="2xx"} 2)"));
  EXPECT_TRUE(has_line(
      text, R"(rapport_http_requests_total{route="unmatched",method="GET",status="4xx"} 1)"));
  const std::string labels = R"(route="/api/v1/contacts/{id}",method="GET",status="2xx")";
  EXPECT_TRUE(has_line(text, "# TYPE rapport_http_request_duration_seconds histogram"));
  EXPECT_TRUE(has_line(
      text, "rapport_http_request_duration_seconds_bucket{" + labels + R"(,le="0.001"} 0)"));
  EXPECT_TRUE(has_line(
      text, "rapport_http_request_duration_seconds_bucket{" + labels + R"(,le="0.005"} 1)"));
  EXPECT_TRUE(has_line(
      text, "rapport_http_request_duration_seconds_bucket{" + labels + R"(,le="0.25"} 2)"));
  EXPECT_TRUE(has_line(
      text, "rapport_http_request_duration_seconds_bucket{" + labels + R"(,le="+Inf"} 2)"));
  EXPECT_TRUE(has_line(text, "rapport_http_request_duration_seconds_count{" + labels + "} 2"));
  EXPECT_TRUE(has_line(text, "rapport_http_request_duration_seconds_sum{" + labels + "} 0.203"));
  EXPECT_TRUE(has_line(text, "rapport_http_requests_in_flight 1"));
  EXPECT_TRUE(text.ends_with("\n"));
}

TEST(Metrics, EscapesLabelsAndSkipsBadGaugeNames) {
  Metrics m;
  m.request_started();
  m.request_finished("/a\"b\\c", Method::post, 500, 0.01);
  m.set_gauge_reporter([] {
    return std::vector<GaugeSample>{{"rapport_db_pool_in_use", "connections\nlent out", 3},
                                    {"bad name", "x", 1},
                                    {"9starts_with_digit", "x", 1}};
  });
  const std::string text = m.render();
  EXPECT_NE(text.find(R"(route="/a\"b\\c")"), std::string::npos);
  EXPECT_TRUE(has_line(text, "# HELP rapport_db_pool_in_use connections lent out"));
  EXPECT_TRUE(has_line(text, "# TYPE rapport_db_pool_in_use gauge"));
  EXPECT_TRUE(has_line(text, "rapport_db_pool_in_use 3"));
  EXPECT_EQ(text.find("bad name"), std::string::npos);
  EXPECT_EQ(text.find("9starts"), std::string::npos);
}

TEST(OperationalRoutes, ReadyzFollowsTheReadinessCheck) {
  Metrics metrics;
  bool ready = false;
  Router router;
  add_operational_routes(router, metrics, [&ready]() -> core::Status {
    if (ready) return core::ok_status();
    return core::Error::unavailable("database not migrated");
  });
  auto call = [&](std::string_view path) {
    const RouteMatch match = router.match(Method::get, split_path(path));
    EXPECT_NE(match.route, nullptr) << path;
    EXPECT_EQ(match.route->options.limit_group, LimitGroup::kNone);
    Request request;
    return router.dispatch(*match.route, request);
  };
  EXPECT_EQ(call("/healthz").status(), Status::ok);
  const Response not_ready = call("/readyz");
  EXPECT_EQ(not_ready.status(), Status::service_unavailable);
  // The reason is for the log: a 503 never tells a client what failed inside the server.
  EXPECT_EQ(not_ready.body().find("database not migrated"), std::string::npos);
  ready = true;
  EXPECT_EQ(call("/readyz").status(), Status::ok);
  const Response scrape = call("/metrics");
  EXPECT_EQ(scrape.content_type(), kPrometheusType);
  EXPECT_NE(scrape.body().find("rapport_http_requests_in_flight 0"), std::string::npos);
}

}  // namespace
}  // namespace rapport::http
