// Template matching, precedence, 404/405, middleware order and static assets.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace rapport::http {
namespace {

Handler answer(std::string text) {
  return [text](Request& r) -> core::Result<Response> {
    return Response::text(text + ":" + std::string(r.path_param("id")), "text/plain");
  };
}

Response run(const Router& router, Method method, std::string_view path, Request& request) {
  const RouteMatch m = router.match(method, split_path(path));
  if (!m.route) return no_route_response(m);
  request.path_params = m.params;
  request.route_pattern = m.route->pattern;
  return router.dispatch(*m.route, request);
}

TEST(Router, SplitPathIgnoresOneTrailingSlash) {
  EXPECT_EQ(split_path("/a/b/"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split_path("/"), std::vector<std::string>{});
  EXPECT_EQ(split_path("/a//b"), (std::vector<std::string>{"a", "", "b"}));
}

TEST(Router, MatchesParametersAndPrefersLiterals) {
  Router router;
  router.get("/api/v1/contacts/{id}", answer("one"));
  router.get("/api/v1/contacts/search", answer("search"));
  Request r;
  EXPECT_EQ(run(router, Method::get, "/api/v1/contacts/17", r).body(), "one:17");
  EXPECT_EQ(run(router, Method::get, "/api/v1/contacts/search", r).body(), "search:");
  EXPECT_EQ(run(router, Method::get, "/api/v1/contacts/", r).status(), Status::not_found);
  EXPECT_EQ(run(router, Method::get, "/api/v1/contacts//x", r).status(), Status::not_found);
}

TEST(Router, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  Router router;
  router.get("/things/{id}", answer("get"));
  router.del("/things/{id}", answer("del"));
  Request r;
  const Response missing = run(router, Method::get, "/nothing", r);
  EXPECT_EQ(missing.status(), Status::not_found);
  EXPECT_EQ(missing.content_type(), kProblemType);
  const Response wrong = run(router, Method::post, "/things/3", r);
  EXPECT_EQ(wrong.status(), Status::method_not_allowed);
  ASSERT_NE(wrong.find_header("Allow"), nullptr);
  EXPECT_EQ(*wrong.find_header("Allow"), "GET, HEAD, DELETE");
  // HEAD is served by the GET route (the server drops the body).
  EXPECT_EQ(run(router, Method::head, "/things/3", r).body(), "get:3");
}

TEST(Router, VersionedWritesWithoutIfMatchAre428) {
  Router router;
  router.patch("/x", answer("ran"), RouteOptions{.requires_if_match = true});
  Request without;
  const Response refused = run(router, Method::patch, "/x", without);
  EXPECT_EQ(refused.status(), Status::precondition_required);
  EXPECT_EQ(refused.content_type(), kProblemType);
  EXPECT_EQ(boost::json::parse(refused.body()).at("status").as_int64(), 428);
  Request with;
  with.headers.set("If-Match", "*");
  EXPECT_EQ(run(router, Method::patch, "/x", with).body(), "ran:");
}

TEST(Router, IfNoneMatchWithTheCurrentTagIs304) {
  Router router;
  router.get("/x", [](Request&) -> core::Result<Response> {
    Response r = Response::text("body", "text/plain");
    r.set_etag("5");
    return r;
  });
  auto get = [&](std::string_view condition) {
    Request r;
    r.headers.set("If-None-Match", condition);
    return run(router, Method::get, "/x", r);
  };
  for (std::string_view hit : {"\"5\"", "W/\"5\"", "\"1\", \"5\"", "*"}) {
    const Response res = get(hit);
    EXPECT_EQ(res.status(), Status::not_modified) << hit;
    EXPECT_TRUE(res.body().empty()) << hit;
    ASSERT_NE(res.find_header("ETag"), nullptr);
    EXPECT_EQ(*res.find_header("ETag"), "\"5\"");
  }
  for (std::string_view miss : {"\"4\"", "\"55\"", "5"}) {
    EXPECT_EQ(get(miss).status(), Status::ok) << miss;
  }
}

TEST(Router, HandlerErrorsBecomeProblems) {
  Router router;
  router.get("/x", [](Request&) -> core::Result<Response> { return core::Error::stale("old"); });
  Request r;
  const Response res = run(router, Method::get, "/x", r);
  EXPECT_EQ(res.status(), Status::precondition_failed);
  EXPECT_EQ(boost::json::parse(res.body()).at("detail").as_string(), "old");
}

TEST(Router, BodiesThatAreNotJsonAre415) {
  Router router;
  router.post("/x", answer("ran"));
  auto post = [&](std::string body, std::optional<std::string> type) {
    Request r;
    r.body = std::move(body);
    if (type) r.headers.set("Content-Type", *type);
    return run(router, Method::post, "/x", r);
  };
  for (const char* type : {"application/x-www-form-urlencoded", "text/plain",
                           "multipart/form-data; boundary=x", "application/jsonp", "text/json"}) {
    const Response res = post("email=a&password=b", std::string(type));
    EXPECT_EQ(res.status(), Status::unsupported_media_type) << type;
    EXPECT_EQ(res.content_type(), "application/problem+json") << type;
  }
  EXPECT_EQ(post("{}", std::nullopt).status(), Status::unsupported_media_type);
  for (const char* type : {"application/json", "Application/JSON", "application/json; charset=utf-8",
                           "application/json;charset=UTF-8"}) {
    EXPECT_EQ(post("{}", std::string(type)).body(), "ran:") << type;
  }
  // No body: nothing to refuse, whatever the header says.
  EXPECT_EQ(post("", std::string("text/plain")).body(), "ran:");
}

TEST(Router, MiddlewareRunsInOrderAndMayEndTheRequest) {
  Router router;
  std::string trace;
  router.use([&trace](Request& r) -> std::optional<Response> {
    trace += "a";
    r.auth = 7;
    return std::nullopt;
  });
  router.use([&trace](Request& r) -> std::optional<Response> {
    trace += "b";
    if (r.header("X-Deny")) return Response::text("denied", "text/plain", Status::forbidden);
    return std::nullopt;
  });
  router.get("/x", [&trace](Request& r) -> core::Result<Response> {
    trace += "h";
    return Response::text(std::to_string(*r.auth_as<int>()), "text/plain");
  });
  Request ok;
  EXPECT_EQ(run(router, Method::get, "/x", ok).body(), "7");
  EXPECT_EQ(trace, "abh");
  Request denied;
  denied.headers.set("X-Deny", "1");
  EXPECT_EQ(run(router, Method::get, "/x", denied).status(), Status::forbidden);
  EXPECT_EQ(trace, "abhab");
}

TEST(Router, StaticAssetHasEtagAndAnswersNotModified) {
  Router router;
  router.add_static("/api/v1/openapi.yaml", "application/yaml", "openapi: 3.1.0\n");
  Request first;
  const Response full = run(router, Method::get, "/api/v1/openapi.yaml", first);
  EXPECT_EQ(full.status(), Status::ok);
  EXPECT_EQ(full.body(), "openapi: 3.1.0\n");
  EXPECT_EQ(full.content_type(), "application/yaml");
  ASSERT_NE(full.find_header("ETag"), nullptr);
  Request again;
  again.headers.set("If-None-Match", *full.find_header("ETag"));
  EXPECT_EQ(run(router, Method::get, "/api/v1/openapi.yaml", again).status(), Status::not_modified);
  Request other;
  other.headers.set("If-None-Match", "\"something-else\"");
  EXPECT_EQ(run(router, Method::get, "/api/v1/openapi.yaml", other).status(), Status::ok);
}

}  // namespace
}  // namespace rapport::http
