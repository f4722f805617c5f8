// The server end to end on 127.0.0.1 with an ephemeral port, driven by a small Beast client:
// routing, limits, malformed input, timeouts, pipelining, metrics and rate limits.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/parse.hpp>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/json_input.hpp"
#include "http/list_query_parser.hpp"
#include "http/rate_limit.hpp"

namespace rapport::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using namespace std::chrono_literals;

using Reply = bhttp::response<bhttp::string_body>;

struct Exchange {
  std::vector<Reply> replies;
  boost::system::error_code end;  // how reading stopped after the last reply asked for
};

// Sends `raw` bytes in one write, reads up to `count` responses, then (when `read_to_end`) one
// more read to see how the server ended the connection. The client gives up after 10 s so a
// broken server fails the test instead of hanging it.
Exchange exchange(unsigned short port, std::string raw, std::size_t count,
                  bool read_to_end = false) {
  asio::io_context ioc;
  Exchange out;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        beast::tcp_stream stream(co_await asio::this_coro::executor);
        stream.expires_after(10s);
        co_await stream.async_connect(
            asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
            asio::redirect_error(asio::use_awaitable, out.end));
        if (out.end) co_return;
        co_await asio::async_write(stream, asio::buffer(raw),
                                   asio::redirect_error(asio::use_awaitable, out.end));
        if (out.end) co_return;
        beast::flat_buffer buffer;
        for (std::size_t i = 0; i < count || read_to_end; ++i) {
          Reply reply;
          co_await bhttp::async_read(stream, buffer, reply,
                                     asio::redirect_error(asio::use_awaitable, out.end));
          if (out.end) co_return;
          out.replies.push_back(std::move(reply));
          if (i + 1 >= count && !read_to_end) co_return;
        }
      },
      [](std::exception_ptr e) {
        if (e) std::rethrow_exception(e);
      });
  ioc.run();
  return out;
}

std::string request(std::string_view method, std::string_view target, std::string_view body = {},
                    std::string_view extra_headers = {}) {
  std::string r = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n";
  r += extra_headers;
  if (!body.empty()) r += "Content-Type: application/json\r\n";
  if (!body.empty() || method == "POST")
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return r + "\r\n" + std::string(body);
}

Reply one(unsigned short port, std::string raw) {
  Exchange e = exchange(port, std::move(raw), 1);
  EXPECT_EQ(e.replies.size(), 1u) << e.end.message();
  return e.replies.empty() ? Reply{} : e.replies[0];
}

boost::json::object json_of(const Reply& r) { return boost::json::parse(r.body()).as_object(); }

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.get("/api/v1/things/{id}", [](Request& r) -> core::Result<Response> {
      RAPPORT_ASSIGN_OR_RETURN(const std::int64_t id, r.id_param("id"));
      Response res = Response::json(boost::json::object{{"id", id}, {"client", r.client_address}});
      res.set_etag(std::to_string(id));
      return res;
    });
    router.get("/api/v1/things", [](Request& r) -> core::Result<Response> {
      RAPPORT_ASSIGN_OR_RETURN(const core::ListQuery q, parse_list_query(r.query));
      return Response::json(boost::json::object{{"limit", q.limit}});
    });
    router.post(
        "/api/v1/things",
        [](Request& r) -> core::Result<Response> {
          RAPPORT_ASSIGN_OR_RETURN(const boost::json::object body, parse_json_object(r.body));
          ObjectReader reader(body);
          reader.allow_only({"name"});
          const auto name = reader.string("name", Need::kRequired);
          RAPPORT_TRY(reader.finish());
          return Response::json(boost::json::object{{"name", *name}}, Status::created);
        },
        RouteOptions{.body_limit = 64});
    router.post(
        "/api/v1/login", [](Request&) -> core::Result<Response> { return Response::no_content(); },
        RouteOptions{.body_limit = 1024, .limit_group = LimitGroup::kLogin});
    router.get("/api/v1/boom", [](Request&) -> core::Result<Response> {
      throw std::runtime_error("secret internals at 0xdeadbeef");
    });
    router.add_static("/api/v1/openapi.yaml", "application/yaml", "openapi: 3.1.0\n");
    add_operational_routes(router, metrics, [] { return core::ok_status(); });
    router.use(rate_limit_middleware(
        std::make_shared<RateLimiter>(RateLimitConfig{.per_second = 1000, .burst = 1000}),
        std::make_shared<RateLimiter>(RateLimitConfig{.per_second = 0.001, .burst = 2})));

    ServerConfig config;
    config.address = "127.0.0.1";
    config.port = 0;
    config.read_timeout = 300ms;
    config.header_limit = 2048;
    server = std::make_unique<Server>(config, router, &metrics);
    ASSERT_TRUE(server->start().ok());
    port = server->port();
    ASSERT_NE(port, 0);
  }

  void TearDown() override { server->stop(); }

  Router router;
  Metrics metrics;
  std::unique_ptr<Server> server;
  unsigned short port = 0;
};

TEST_F(ServerTest, RoutesWithStandardAndSecurityHeaders) {
  const Reply r = one(port, request("GET", "/api/v1/things/12"));
  EXPECT_EQ(r.result_int(), 200u);
  EXPECT_EQ(json_of(r).at("id").as_int64(), 12);
  EXPECT_EQ(json_of(r).at("client").as_string(), "127.0.0.1");
  EXPECT_EQ(r[bhttp::field::etag], "\"12\"");
  EXPECT_EQ(r[bhttp::field::server], "rapport");
  EXPECT_EQ(r[bhttp::field::content_type], "application/json");
  EXPECT_EQ(r["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(r["X-Frame-Options"], "DENY");
  EXPECT_EQ(r["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(r["Content-Security-Policy"], "default-src 'none'; frame-ancestors 'none'");
}

TEST_F(ServerTest, UnknownPathIs404AndWrongMethodIs405) {
  const Reply missing = one(port, request("GET", "/api/v1/nothing"));
  EXPECT_EQ(missing.result_int(), 404u);
  EXPECT_EQ(missing[bhttp::field::content_type], "application/problem+json");
  const Reply wrong = one(port, request("DELETE", "/api/v1/things"));
  EXPECT_EQ(wrong.result_int(), 405u);
  EXPECT_EQ(wrong[bhttp::field::allow], "GET, HEAD, POST");
  EXPECT_EQ(one(port, request("GET", "/api/v1/things/abc")).result_int(), 404u);
}

TEST_F(ServerTest, JsonBodiesAreCheckedStrictly) {
  const Reply created = one(port, request("POST", "/api/v1/things", R"({"name":"Ann"})"));
  EXPECT_EQ(created.result_int(), 201u);
  EXPECT_EQ(json_of(created).at("name").as_string(), "Ann");

  const Reply malformed = one(port, request("POST", "/api/v1/things", R"({"name":)"));
  EXPECT_EQ(malformed.result_int(), 400u);
  EXPECT_EQ(malformed[bhttp::field::content_type], "application/problem+json");
  EXPECT_EQ(json_of(malformed).at("status").as_int64(), 400);

  const Reply bad_utf8 = one(port, request("POST", "/api/v1/things", "{\"name\":\"\xC0\xAF\"}"));
  EXPECT_EQ(bad_utf8.result_int(), 400u);

  const Reply fields = one(port, request("POST", "/api/v1/things", R"({"id":1,"name":5})"));
  EXPECT_EQ(fields.result_int(), 422u);
  EXPECT_EQ(json_of(fields).at("errors").as_array().size(), 2u);
}

TEST_F(ServerTest, BodyOverTheRouteLimitIs413AndClosesTheConnection) {
  const std::string body = R"({"name":")" + std::string(100, 'x') + R"("})";
  const Exchange e = exchange(port, request("POST", "/api/v1/things", body), 1, true);
  ASSERT_EQ(e.replies.size(), 1u);
  EXPECT_EQ(e.replies[0].result_int(), 413u);
  EXPECT_FALSE(e.replies[0].keep_alive());
  EXPECT_EQ(e.end, bhttp::error::end_of_stream);
}

TEST_F(ServerTest, ClientThatSendsAWholeOversizedBodyReadsThe413) {
  // Far more than the socket buffers hold: the server must read and discard it after answering,
  // or closing with unread input resets the connection before the client reads the 413.
  const std::string body(8 * 1024 * 1024, 'x');
  const Exchange e = exchange(port, request("POST", "/api/v1/things", body), 1, true);
  ASSERT_EQ(e.replies.size(), 1u) << e.end.message();
  EXPECT_EQ(e.replies[0].result_int(), 413u);
  EXPECT_EQ(e.replies[0][bhttp::field::content_type], "application/problem+json");
  EXPECT_FALSE(e.replies[0].keep_alive());
  EXPECT_EQ(e.end, bhttp::error::end_of_stream);

  std::string chunked =
      "POST /api/v1/things HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 256; ++i) chunked += "1000\r\n" + std::string(0x1000, 'x') + "\r\n";
  chunked += "0\r\n\r\n";
  const Exchange c = exchange(port, chunked, 1, true);
  ASSERT_EQ(c.replies.size(), 1u) << c.end.message();
  EXPECT_EQ(c.replies[0].result_int(), 413u);
  EXPECT_EQ(c.end, bhttp::error::end_of_stream);
}

// Each framing a front end could read differently from us is refused with 400 and the
// connection closed, so the bytes after it are never served as a second (smuggled) request.
TEST_F(ServerTest, AmbiguousFramingIs400AndClosesTheConnection) {
  const std::string smuggled = "GET /api/v1/things/7 HTTP/1.1\r\nHost: t\r\n\r\n";
  const std::vector<std::string> shapes = {
      "Transfer-Encoding: identity\r\n",
      "Transfer-Encoding: xchunked\r\n",
      "Transfer-Encoding: \"chunked\"\r\n",
      "Transfer-Encoding: chunked, identity\r\n",
      "Transfer-Encoding: identity, chunked\r\n",
      "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
      "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
      "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
      "Transfer-Encoding: identity\r\nContent-Length: 5\r\n",
      "Content-Length: 5\r\nContent-Length: 5\r\n",
      "Content-Length: 5, 5\r\n",
      "Content-Length: 5\r\nContent-Length: 6\r\n",
      "Transfer-Encoding:\r\n chunked\r\n",
      "X-Note: one\r\n\ttwo\r\n",
  };
  for (const std::string& shape : shapes) {
    const std::string raw = "POST /api/v1/things HTTP/1.1\r\nHost: t\r\n" + shape +
                            "\r\n0\r\n\r\n" + smuggled;
    const Exchange e = exchange(port, raw, 1, true);
    ASSERT_EQ(e.replies.size(), 1u) << shape;
    EXPECT_EQ(e.replies[0].result_int(), 400u) << shape;
    EXPECT_EQ(e.replies[0][bhttp::field::content_type], "application/problem+json") << shape;
    EXPECT_FALSE(e.replies[0].keep_alive()) << shape;
    EXPECT_EQ(e.end, bhttp::error::end_of_stream) << shape;
  }
  const Exchange old = exchange(
      port, "POST /api/v1/things HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 1, true);
  ASSERT_EQ(old.replies.size(), 1u);
  EXPECT_EQ(old.replies[0].result_int(), 400u);
}

TEST_F(ServerTest, ChunkedBodiesAreReadAndTheNextRequestServed) {
  const std::string body = R"({"name":"Ann"})";
  char size[8];
  std::snprintf(size, sizeof size, "%zx", body.size());
  const std::string raw = "POST /api/v1/things HTTP/1.1\r\nHost: t\r\nContent-Type: "
                          "application/json\r\nTransfer-Encoding: Chunked\r\n\r\n" +
                          std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n" +
                          request("GET", "/api/v1/things/7");
  const Exchange e = exchange(port, raw, 2);
  ASSERT_EQ(e.replies.size(), 2u) << e.end.message();
  EXPECT_EQ(e.replies[0].result_int(), 201u);
  EXPECT_EQ(json_of(e.replies[1]).at("id").as_int64(), 7);
}

TEST_F(ServerTest, OversizedHeadersAre431) {
  const Reply r = one(
      port, request("GET", "/api/v1/things/1", {}, "X-Big: " + std::string(4096, 'a') + "\r\n"));
  EXPECT_EQ(r.result_int(), 431u);
}

TEST_F(ServerTest, GarbageIs400) {
  const Reply r = one(port, "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(r.result_int(), 400u);
}

TEST_F(ServerTest, BadQueryIsAProblemNotA500) {
  const Reply ok = one(port, request("GET", "/api/v1/things?limit=7&filter[owner_id][in]=1,2"));
  EXPECT_EQ(ok.result_int(), 200u);
  EXPECT_EQ(json_of(ok).at("limit").as_int64(), 7);
  const Reply r = one(port, request("GET", "/api/v1/things?limit=0"));
  EXPECT_EQ(r.result_int(), 422u);
  EXPECT_EQ(json_of(r).at("errors").as_array()[0].at("field").as_string(), "limit");
}

TEST_F(ServerTest, HandlerExceptionIsA500WithoutInternals) {
  const Reply r = one(port, request("GET", "/api/v1/boom"));
  EXPECT_EQ(r.result_int(), 500u);
  EXPECT_EQ(r.body().find("deadbeef"), std::string::npos);
  EXPECT_EQ(one(port, request("GET", "/api/v1/things/1")).result_int(), 200u);
}

TEST_F(ServerTest, SlowClientIsDisconnectedAfterTheReadTimeout) {
  const Exchange e = exchange(port, "GET /api/v1/things/1 HTTP/1.1\r\nHost: te", 1);
  EXPECT_TRUE(e.replies.empty());
  EXPECT_EQ(e.end, bhttp::error::end_of_stream);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  std::string raw;
  constexpr int kCount = 50;
  for (int i = 1; i <= kCount; ++i) raw += request("GET", "/api/v1/things/" + std::to_string(i));
  const Exchange e = exchange(port, raw, kCount);
  ASSERT_EQ(e.replies.size(), static_cast<std::size_t>(kCount)) << e.end.message();
  for (int i = 0; i < kCount; ++i) EXPECT_EQ(json_of(e.replies[i]).at("id").as_int64(), i + 1);
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  const Exchange e =
      exchange(port, request("GET", "/healthz", {}, "Connection: close\r\n"), 1, true);
  ASSERT_EQ(e.replies.size(), 1u);
  EXPECT_EQ(e.replies[0].result_int(), 200u);
  EXPECT_EQ(e.end, bhttp::error::end_of_stream);
}

TEST_F(ServerTest, MetricsCountRequestsByRouteTemplate) {
  one(port, request("GET", "/api/v1/things/5"));
  one(port, request("GET", "/api/v1/nope"));
  const std::string things =
      R"(rapport_http_requests_total{route="/api/v1/things/{id}",method="GET",status="2xx"} 1)";
  const std::string unmatched =
      R"(rapport_http_requests_total{route="unmatched",method="GET",status="4xx"} 1)";
  const std::string only_the_scrape = "rapport_http_requests_in_flight 1";
  // A request is counted, and leaves the in-flight gauge, just after its answer is written: the
  // client may read the answer first. Scrape until the server has caught up (bounded).
  Reply r;
  for (int attempt = 0; attempt < 100; ++attempt) {
    r = one(port, request("GET", "/metrics"));
    const std::string& body = r.body();
    if (body.find(things) != std::string::npos && body.find(unmatched) != std::string::npos &&
        body.find(only_the_scrape) != std::string::npos) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(r.result_int(), 200u);
  EXPECT_EQ(r[bhttp::field::content_type], kPrometheusType);
  EXPECT_NE(r.body().find(things), std::string::npos) << r.body();
  EXPECT_NE(r.body().find(unmatched), std::string::npos) << r.body();
  EXPECT_NE(r.body().find(only_the_scrape), std::string::npos) << r.body();
}

TEST_F(ServerTest, LoginIsRateLimitedWith429) {
  EXPECT_EQ(one(port, request("POST", "/api/v1/login")).result_int(), 204u);
  EXPECT_EQ(one(port, request("POST", "/api/v1/login")).result_int(), 204u);
  const Reply limited = one(port, request("POST", "/api/v1/login"));
  EXPECT_EQ(limited.result_int(), 429u);
  EXPECT_FALSE(limited[bhttp::field::retry_after].empty());
  EXPECT_EQ(one(port, request("GET", "/api/v1/things/1")).result_int(), 200u);
}

TEST_F(ServerTest, StaticAssetIsServed) {
  const Reply r = one(port, request("GET", "/api/v1/openapi.yaml"));
  EXPECT_EQ(r.result_int(), 200u);
  EXPECT_EQ(r.body(), "openapi: 3.1.0\n");
  EXPECT_EQ(r[bhttp::field::content_type], "application/yaml");
}

TEST_F(ServerTest, StopClosesIdleConnectionsAndRefusesNewOnes) {
  EXPECT_EQ(one(port, request("GET", "/healthz")).result_int(), 200u);
  server->stop();
  const Exchange e = exchange(port, request("GET", "/healthz"), 1);
  EXPECT_TRUE(e.replies.empty());
}

TEST(ServerStart, BadAddressesAreErrors) {
  Router router;
  ServerConfig config;
  config.address = "not-an-ip";
  Server bad(config, router);
  EXPECT_EQ(bad.start().error().kind, core::ErrorKind::kInvalid);

  config.address = "127.0.0.1";
  config.port = 0;
  Server first(config, router);
  ASSERT_TRUE(first.start().ok());
  config.port = first.port();
  Server second(config, router);
  EXPECT_EQ(second.start().error().kind, core::ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace rapport::http
