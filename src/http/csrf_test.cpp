// The double-submit check and when the middleware applies it.
#include "http/csrf.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

TEST(Csrf, SafeMethodsNeedNoToken) {
  EXPECT_TRUE(check_csrf_token(Method::get, "", "secret").ok());
  EXPECT_TRUE(check_csrf_token(Method::head, "", "secret").ok());
}

TEST(Csrf, UnsafeMethodsNeedTheMatchingToken) {
  EXPECT_TRUE(check_csrf_token(Method::post, "secret-token", "secret-token").ok());
  EXPECT_EQ(check_csrf_token(Method::post, "", "secret-token").error().kind,
            core::ErrorKind::kForbidden);
  EXPECT_FALSE(check_csrf_token(Method::patch, "secret-tokeN", "secret-token").ok());
  EXPECT_FALSE(check_csrf_token(Method::delete_, "secret", "secret-token").ok());
  EXPECT_FALSE(check_csrf_token(Method::put, "x", "").ok());
}

class CsrfMiddleware : public ::testing::Test {
 protected:
  Middleware middleware = csrf_middleware("rapport_session", [](std::string_view session) {
    if (session == "s1") return core::Result<std::string>(std::string("t1"));
    return core::Result<std::string>(core::Error::unauthenticated("no such session"));
  });

  // `authenticated`: the authentication middleware found a caller (a live session).
  std::optional<Response> run(Method method, std::string_view cookie, std::string_view token,
                              std::string_view authorization = {}, bool authenticated = true,
                              std::string route = "/api/v1/contacts") {
    Request r;
    r.method = method;
    r.route_pattern = std::move(route);
    if (authenticated) r.auth = 1;
    if (!cookie.empty()) r.headers.set("Cookie", cookie);
    if (!token.empty()) r.headers.set(kCsrfHeader, token);
    if (!authorization.empty()) r.headers.set("Authorization", authorization);
    return middleware(r);
  }
};

TEST_F(CsrfMiddleware, ChecksCookieAuthenticatedUnsafeRequests) {
  EXPECT_FALSE(run(Method::post, "rapport_session=s1", "t1"));
  const auto missing = run(Method::post, "rapport_session=s1", "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status(), Status::forbidden);
  const auto forged = run(Method::delete_, "a=b; rapport_session=s1", "t2");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status(), Status::forbidden);
  const auto unknown = run(Method::post, "rapport_session=zz", "t1");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status(), Status::unauthorized);
}

TEST_F(CsrfMiddleware, LeavesSafeBearerAndCookielessRequestsAlone) {
  EXPECT_FALSE(run(Method::get, "rapport_session=s1", ""));
  EXPECT_FALSE(run(Method::post, "", ""));
  EXPECT_FALSE(run(Method::post, "theme=dark", ""));
  EXPECT_FALSE(run(Method::post, "rapport_session=s1", "", "Bearer abc"));
}

TEST_F(CsrfMiddleware, ADeadCookieAuthenticatesNobodyAndIsNotChecked) {
  EXPECT_FALSE(run(Method::post, "rapport_session=expired", "", {}, false));
  EXPECT_FALSE(run(Method::delete_, "rapport_session=expired", "", {}, false));
}

TEST(CsrfExemptions, ExemptRoutesAreNotCheckedEvenWithALiveSession) {
  Middleware middleware = csrf_middleware(
      "rapport_session",
      [](std::string_view) { return core::Result<std::string>(std::string("t1")); },
      {{Method::post, "/api/v1/session"}});
  Request r;
  r.auth = 1;
  r.headers.set("Cookie", "rapport_session=s1");
  r.method = Method::post;
  r.route_pattern = "/api/v1/session";
  EXPECT_FALSE(middleware(r));
  r.method = Method::delete_;
  EXPECT_TRUE(middleware(r));
  r.method = Method::post;
  r.route_pattern = "/api/v1/contacts";
  EXPECT_TRUE(middleware(r));
}

}  // namespace
}  // namespace rapport::http
