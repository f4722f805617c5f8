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
  EXPECT_EQ(*wrong.find_header("Allow"), "GET, DELETE");
}

TEST(Router, HandlerErrorsBecomeProblems) {
  Router router;
  router.get("/x", [](Request&) -> core::Result<Response> { return core::Error::stale("old"); });
  Request r;
  const Response res = run(router, Method::get, "/x", r);
  EXPECT_EQ(res.status(), Status::precondition_failed);
  EXPECT_EQ(boost::json::parse(res.body()).at("detail").as_string(), "old");
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
