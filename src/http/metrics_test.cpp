// The exposition text: counters, histogram buckets, in-flight gauge, reported samples, process
// figures, the scrape allow-list, and the operational routes.
#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <optional>

#include "services/caller.hpp"

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
  m.set_reporter([] {
    return std::vector<Sample>{{"rapport_db_pool_in_use", "connections\nlent out", 3},
                               {"rapport_db_pool_waits_total", "waits", 7, Sample::Type::kCounter},
                               {"bad name", "x", 1},
                               {"9starts_with_digit", "x", 1}};
  });
  const std::string text = m.render();
  EXPECT_NE(text.find(R"(route="/a\"b\\c")"), std::string::npos);
  EXPECT_TRUE(has_line(text, "# HELP rapport_db_pool_in_use connections lent out"));
  EXPECT_TRUE(has_line(text, "# TYPE rapport_db_pool_in_use gauge"));
  EXPECT_TRUE(has_line(text, "rapport_db_pool_in_use 3"));
  EXPECT_TRUE(has_line(text, "# TYPE rapport_db_pool_waits_total counter"));
  EXPECT_TRUE(has_line(text, "rapport_db_pool_waits_total 7"));
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
    request.client_address = "127.0.0.1";
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

TEST(Metrics, CountsResponsesByCodeSignInsRefusalsAndDatabaseWork) {
  Metrics m;
  for (unsigned code : {200u, 429u, 429u, 503u}) {
    m.request_started();
    m.request_finished("/x", Method::get, code, 0.001);
  }
  m.sign_in(services::LoginOutcome::kSuccess);
  m.sign_in(services::LoginOutcome::kWrongPassword);
  m.sign_in(services::LoginOutcome::kWrongPassword);
  m.sign_in(services::LoginOutcome::kLocked);
  m.sign_in(services::LoginOutcome::kThrottled);
  m.rate_limited(LimitGroup::kLogin);
  m.rate_limited(LimitGroup::kApi);
  m.rate_limited(LimitGroup::kApi);
  m.database_work(DbWork::kRead, 0.002);
  m.database_work(DbWork::kWrite, 0.3);
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, "# TYPE rapport_http_responses_total counter"));
  EXPECT_TRUE(has_line(text, R"(rapport_http_responses_total{code="429"} 2)"));
  EXPECT_TRUE(has_line(text, R"(rapport_http_responses_total{code="503"} 1)"));
  EXPECT_TRUE(has_line(text, R"(rapport_signins_total{outcome="success"} 1)"));
  EXPECT_TRUE(has_line(text, R"(rapport_signins_total{outcome="wrong_password"} 2)"));
  EXPECT_TRUE(has_line(text, R"(rapport_signins_total{outcome="locked"} 1)"));
  EXPECT_TRUE(has_line(text, R"(rapport_signins_total{outcome="deactivated"} 0)"));
  EXPECT_TRUE(has_line(text, R"(rapport_signins_total{outcome="throttled"} 1)"));
  EXPECT_TRUE(has_line(text, R"(rapport_rate_limit_refusals_total{budget="api"} 2)"));
  EXPECT_TRUE(has_line(text, R"(rapport_rate_limit_refusals_total{budget="login"} 1)"));
  EXPECT_TRUE(has_line(text, "# TYPE rapport_db_work_seconds histogram"));
  EXPECT_TRUE(has_line(text, R"(rapport_db_work_seconds_bucket{kind="read",le="0.0025"} 1)"));
  EXPECT_TRUE(has_line(text, R"(rapport_db_work_seconds_bucket{kind="write",le="0.25"} 0)"));
  EXPECT_TRUE(has_line(text, R"(rapport_db_work_seconds_count{kind="write"} 1)"));
  EXPECT_TRUE(text.starts_with("# HELP rapport_build_info "));
  EXPECT_NE(text.find("\nrapport_build_info{version=\""), std::string::npos);
  EXPECT_EQ(text.find("rapport_build_info{version=\"\"}"), std::string::npos);
}

TEST(Metrics, ProcessFiguresComeFromProcSelf) {
  const auto stats = read_process_stats();
  ASSERT_TRUE(stats.has_value());
  EXPECT_GT(stats->resident_bytes, 0);
  EXPECT_GE(stats->virtual_bytes, stats->resident_bytes);
  EXPECT_GE(stats->max_fds, stats->open_fds);
  EXPECT_GE(stats->cpu_seconds, 0);
  const double now =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_LE(stats->start_time_seconds, now + 1);
  EXPECT_GT(stats->start_time_seconds, now - 24 * 3600);
  // An opened file shows in the count.
  std::FILE* file = std::fopen("/proc/self/stat", "r");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(read_process_stats()->open_fds, stats->open_fds + 1);
  std::fclose(file);
  const std::string text = Metrics().render();
  for (const char* name : {"process_cpu_seconds_total", "process_resident_memory_bytes",
                           "process_virtual_memory_bytes", "process_open_fds", "process_max_fds",
                           "process_start_time_seconds"}) {
    EXPECT_NE(text.find(std::string("\n# TYPE ") + name + " "), std::string::npos) << name;
  }
}

TEST(AddressAllowList, LoopbackAlwaysOthersOnlyWhenAdded) {
  AddressAllowList list;
  EXPECT_TRUE(list.allows("127.0.0.1"));
  EXPECT_TRUE(list.allows("127.9.8.7"));
  EXPECT_TRUE(list.allows("::1"));
  EXPECT_TRUE(list.allows("::ffff:127.0.0.1"));
  EXPECT_FALSE(list.allows("10.1.2.3"));
  EXPECT_FALSE(list.allows("2001:db8::1"));
  EXPECT_FALSE(list.allows(""));
  EXPECT_FALSE(list.allows("not an address"));
  ASSERT_TRUE(list.add("10.0.0.0/8").ok());
  ASSERT_TRUE(list.add("2001:db8::/32").ok());
  ASSERT_TRUE(list.add("192.168.1.7").ok());
  EXPECT_TRUE(list.allows("10.1.2.3"));
  EXPECT_TRUE(list.allows("::ffff:10.200.0.1"));
  EXPECT_FALSE(list.allows("11.0.0.1"));
  EXPECT_TRUE(list.allows("2001:db8:ffff::1"));
  EXPECT_FALSE(list.allows("2001:db9::1"));
  EXPECT_TRUE(list.allows("192.168.1.7"));
  EXPECT_FALSE(list.allows("192.168.1.8"));
  for (const char* bad : {"10.0.0.0/33", "10.0.0.0/", "banana", "::/129", "10.0.0.0/8x"}) {
    EXPECT_FALSE(list.add(bad).ok()) << bad;
  }
}

TEST(OperationalRoutes, MetricsRefuseOtherAddressesUnlessAllowedOrAdmin) {
  Metrics metrics;
  Router router;
  AddressAllowList scrapers;
  ASSERT_TRUE(scrapers.add("10.0.0.0/8").ok());
  add_operational_routes(router, metrics, [] { return core::ok_status(); }, scrapers);
  const RouteMatch match = router.match(Method::get, split_path("/metrics"));
  ASSERT_NE(match.route, nullptr);
  auto scrape = [&](std::string address, std::optional<core::Role> role) {
    Request request;
    request.client_address = std::move(address);
    if (role) request.auth = services::Caller{1, *role, std::nullopt, false, request.client_address};
    return router.dispatch(*match.route, request).status();
  };
  EXPECT_EQ(scrape("127.0.0.1", std::nullopt), Status::ok);
  EXPECT_EQ(scrape("::1", std::nullopt), Status::ok);
  EXPECT_EQ(scrape("10.4.5.6", std::nullopt), Status::ok);
  EXPECT_EQ(scrape("203.0.113.9", std::nullopt), Status::forbidden);
  EXPECT_EQ(scrape("203.0.113.9", core::Role::kSales), Status::forbidden);
  EXPECT_EQ(scrape("203.0.113.9", core::Role::kAdmin), Status::ok);
}

}  // namespace
}  // namespace rapport::http
