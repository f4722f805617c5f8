// /metrics of a running server, scraped over HTTP on both engines: the process, build, response
// code, sign-in, rate-limit, database pool and database work figures are there and move.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "api_fixture.hpp"

namespace rapport::app::api_harness {
namespace {

class ApiMetricsTest : public ApiTest {
 protected:
  std::string scrape() {
    const Client anonymous{server_->port(), {}, {}, {}};
    const Reply reply = anonymous.send(bhttp::verb::get, "/metrics");
    EXPECT_EQ(reply.status, 200u) << reply.body;
    return reply.body;
  }
};

// The value of the sample `series` (name and labels exactly as rendered), if present.
std::optional<double> value_of(const std::string& text, const std::string& series) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(series + " ")) return std::stod(line.substr(series.size() + 1));
  }
  return std::nullopt;
}

// Every sample's family has a HELP and a TYPE line before it (text format 0.0.4).
void expect_families_declared(const std::string& text) {
  std::istringstream lines(text);
  std::set<std::string> helped;
  std::set<std::string> typed;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("# HELP ")) {
      helped.insert(line.substr(7, line.find(' ', 7) - 7));
    } else if (line.starts_with("# TYPE ")) {
      typed.insert(line.substr(7, line.find(' ', 7) - 7));
    } else {
      std::string name = line.substr(0, line.find_first_of("{ "));
      for (const char* suffix : {"_bucket", "_sum", "_count"}) {
        const std::string s(suffix);
        if (!typed.contains(name) && name.ends_with(s)) name.resize(name.size() - s.size());
      }
      EXPECT_TRUE(helped.contains(name) && typed.contains(name)) << line;
    }
  }
}

TEST_P(ApiMetricsTest, ScrapeShowsTheProcessBuildAndDatabase) {
  const std::string text = scrape();
  expect_families_declared(text);
  for (const char* name :
       {"process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes",
        "process_open_fds", "process_max_fds", "process_start_time_seconds",
        "rapport_db_pool_in_use", "rapport_db_pool_waiting"}) {
    EXPECT_TRUE(value_of(text, name).has_value()) << name << "\n" << text;
  }
  EXPECT_GT(*value_of(text, "process_resident_memory_bytes"), 1e6);
  EXPECT_GT(*value_of(text, "process_open_fds"), 2);
  const double started = *value_of(text, "process_start_time_seconds");
  const double now = std::chrono::duration<double>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  EXPECT_LE(started, now + 1);
  EXPECT_GT(started, now - 24 * 3600);
  EXPECT_NE(text.find("rapport_build_info{version=\""), std::string::npos);
}

TEST_P(ApiMetricsTest, CountsMoveWithRequestsSignInsAndDatabaseWork) {
  const std::string before = scrape();
  const auto count = [](const std::string& text, const std::string& series) {
    return value_of(text, series).value_or(0);
  };
  auto admin = login("admin@example.org");
  Client wrong{server_->port(), {}, {}, {}};
  const Reply refused = wrong.send(bhttp::verb::post, "/api/v1/session",
                                   R"({"email":"admin@example.org","password":"not it at all"})");
  EXPECT_EQ(refused.status, 401u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/contacts/999999").status, 404u);
  EXPECT_EQ(admin.send(bhttp::verb::get, "/api/v1/contacts").status, 200u);

  const std::string after = scrape();
  EXPECT_EQ(count(after, R"(rapport_signins_total{outcome="success"})"),
            count(before, R"(rapport_signins_total{outcome="success"})") + 1);
  EXPECT_EQ(count(after, R"(rapport_signins_total{outcome="wrong_password"})"),
            count(before, R"(rapport_signins_total{outcome="wrong_password"})") + 1);
  EXPECT_EQ(count(after, R"(rapport_http_responses_total{code="404"})"),
            count(before, R"(rapport_http_responses_total{code="404"})") + 1);
  EXPECT_GE(count(after, R"(rapport_http_responses_total{code="401"})"),
            count(before, R"(rapport_http_responses_total{code="401"})") + 1);
  EXPECT_GT(count(after, R"(rapport_db_work_seconds_count{kind="read"})"),
            count(before, R"(rapport_db_work_seconds_count{kind="read"})"));
}

TEST_P(ApiMetricsTest, RefusedSignInsAreCountedAsThrottledOrRateLimited) {
  // Failed sign-ins from one address run, within the login budget of 20, into the sign-in
  // throttle or the per-address budget; each 429 shows in one of the two counters.
  Client wrong{server_->port(), {}, {}, {}};
  int refusals = 0;
  for (int i = 0; i < 30 && refusals < 2; ++i) {
    const Reply reply = wrong.send(bhttp::verb::post, "/api/v1/session",
                                   R"({"email":"nobody@example.org","password":"wrong guess 1"})");
    ASSERT_TRUE(reply.status == 401u || reply.status == 429u) << reply.body;
    if (reply.status == 429u) ++refusals;
  }
  ASSERT_EQ(refusals, 2);
  // The server counts a response once it is written, so a scrape that the client sends as soon as
  // it has read the second 429 can come before the count: scrape until it shows (at most 2 s).
  std::string text = scrape();
  for (int i = 0;
       i < 200 && value_of(text, R"(rapport_http_responses_total{code="429"})").value_or(0) < 2;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    text = scrape();
  }
  EXPECT_EQ(value_of(text, R"(rapport_signins_total{outcome="throttled"})").value_or(0) +
                value_of(text, R"(rapport_rate_limit_refusals_total{budget="login"})").value_or(0),
            2);
  EXPECT_GE(value_of(text, R"(rapport_http_responses_total{code="429"})").value_or(0), 2);
}

RAPPORT_API_ENGINES(ApiMetricsTest);

}  // namespace
}  // namespace rapport::app::api_harness
