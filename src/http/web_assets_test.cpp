// The web app's files: media types, caching, gzip, index.html for the app's routes, 404s, and
// no middleware in front of them.
#include "http/web_assets.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace rapport::http {
namespace {

namespace fs = std::filesystem;

class WebAssetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rapport-web-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_ / "assets");
    write("index.html", "<!doctype html><title>Rapport</title><div id=root></div>");
    // Large and repetitive, as a bundle is: worth compressing.
    std::string script;
    for (int i = 0; i < 200; ++i) script += "export const label" + std::to_string(i) + " = 1;\n";
    write("assets/index-3f2a9c.js", script);
    write("assets/logo-77aa.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'x'));
    write("favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    auto loaded = WebAssets::load(dir_);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    add_web_app(router_, *loaded);
    router_.get("/api/v1/things", [](Request&) -> core::Result<Response> {
      return Response::text("things", "text/plain");
    });
    router_.use([this](Request&) -> std::optional<Response> {
      ++middleware_runs_;
      return std::nullopt;
    });
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }

  Response get(std::string path, std::string accept_encoding = "",
               Method method = Method::get) {
    Request request;
    request.method = method;
    request.path = std::move(path);
    if (!accept_encoding.empty()) request.headers.set("Accept-Encoding", accept_encoding);
    const RouteMatch m = router_.match(method, split_path(request.path));
    if (!m.route) return no_route_response(m);
    return router_.dispatch(*m.route, request);
  }

  static std::string header(const Response& r, std::string_view name) {
    const std::string* value = r.find_header(name);
    return value ? *value : "";
  }

  fs::path dir_;
  Router router_;
  int middleware_runs_ = 0;
};

TEST_F(WebAssetsTest, HashedAssetsAreCachedForAYearOtherFilesRevalidated) {
  const Response script = get("/assets/index-3f2a9c.js");
  EXPECT_EQ(script.status(), Status::ok);
  EXPECT_EQ(script.content_type(), "text/javascript; charset=utf-8");
  EXPECT_EQ(header(script, "Cache-Control"), "public, max-age=31536000, immutable");
  const Response icon = get("/favicon.svg");
  EXPECT_EQ(icon.content_type(), "image/svg+xml");
  EXPECT_EQ(header(icon, "Cache-Control"), "no-cache");
  EXPECT_EQ(get("/assets/logo-77aa.png").content_type(), "image/png");
}

TEST_F(WebAssetsTest, AppRoutesGetIndexHtmlUnderThePagePolicy) {
  for (const char* path : {"/", "/r/contact", "/r/contact/42", "/settings/users/"}) {
    const Response page = get(path);
    EXPECT_EQ(page.status(), Status::ok) << path;
    EXPECT_EQ(page.content_type(), "text/html; charset=utf-8") << path;
    EXPECT_NE(page.body().find("<div id=root>"), std::string::npos) << path;
    EXPECT_EQ(header(page, "Content-Security-Policy"), kWebPolicy) << path;
    EXPECT_EQ(header(page, "Cache-Control"), "no-cache") << path;
  }
  EXPECT_NE(std::string(kWebPolicy).find("script-src 'self';"), std::string::npos);
}

TEST_F(WebAssetsTest, MissingFilesAndApiPathsAre404NotThePage) {
  for (const char* path : {"/assets/index-0000.js", "/robots.txt", "/api/v1/nothing", "/api"}) {
    const Response missing = get(path);
    EXPECT_EQ(missing.status(), Status::not_found) << path;
    EXPECT_EQ(missing.content_type(), kProblemType) << path;
  }
  // Routes still win, and a write to a page's path is no route.
  EXPECT_EQ(get("/api/v1/things").body(), "things");
  EXPECT_EQ(get("/r/contact", "", Method::post).status(), Status::not_found);
  EXPECT_EQ(get("/r/contact", "", Method::head).status(), Status::ok);
}

TEST_F(WebAssetsTest, GzipWhenTheClientTakesItWithItsOwnEtag) {
  const Response plain = get("/assets/index-3f2a9c.js");
  const Response packed = get("/assets/index-3f2a9c.js", "br, gzip;q=0.8");
  EXPECT_EQ(header(plain, "Content-Encoding"), "");
  EXPECT_EQ(header(packed, "Content-Encoding"), "gzip");
  EXPECT_LT(packed.body().size(), plain.body().size() / 4);
  EXPECT_EQ(packed.body().substr(0, 2), "\x1f\x8b");
  EXPECT_EQ(header(plain, "Vary"), "Accept-Encoding");
  EXPECT_NE(header(plain, "ETag"), header(packed, "ETag"));
  EXPECT_EQ(header(get("/assets/index-3f2a9c.js", "gzip;q=0"), "Content-Encoding"), "");
  EXPECT_EQ(header(get("/assets/index-3f2a9c.js", "gzip; q=0.000"), "Content-Encoding"), "");
  EXPECT_EQ(header(get("/assets/index-3f2a9c.js", "identity, *"), "Content-Encoding"), "gzip");
  // Already compressed formats are sent as they are.
  EXPECT_EQ(header(get("/assets/logo-77aa.png", "gzip"), "Content-Encoding"), "");
}

TEST_F(WebAssetsTest, RevalidationAnswersNotModified) {
  const std::string tag = header(get("/"), "ETag");
  Request request;
  request.method = Method::get;
  request.path = "/r/contact";
  request.headers.set("If-None-Match", tag);
  const RouteMatch m = router_.match(Method::get, split_path(request.path));
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(router_.dispatch(*m.route, request).status(), Status::not_modified);
}

TEST_F(WebAssetsTest, NoMiddlewareRunsForTheAppsFiles) {
  get("/");
  get("/assets/index-3f2a9c.js");
  EXPECT_EQ(middleware_runs_, 0);
  get("/api/v1/things");
  EXPECT_EQ(middleware_runs_, 1);
}

TEST(WebAssetsLoad, ADirectoryWithoutIndexHtmlIsRefused) {
  const auto missing = WebAssets::load(fs::temp_directory_path() / "rapport-no-such-web-dir");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, core::ErrorKind::kInvalid);
  EXPECT_NE(missing.error().message.find("index.html"), std::string::npos);
}

}  // namespace
}  // namespace rapport::http
