// Login, current session and logout. The session secret goes only into an HttpOnly cookie; the
// CSRF token the client must echo on unsafe requests comes back in the body.
#include "http/session_routes.hpp"

#include "http/auth_middleware.hpp"
#include "http/cookies.hpp"
#include "http/json_input.hpp"
#include "http/problem.hpp"
#include "http/user_json.hpp"

namespace rapport::http {
namespace {

// Login bodies are tiny; a large one is an attack on the password hasher.
constexpr std::size_t kLoginBodyLimit = 4096;

core::Result<Response> login(services::AuthService& auth, bool secure, Metrics* metrics,
                             const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
  ObjectReader reader(body);
  reader.allow_only({"email", "password"});
  auto email = reader.string("email", Need::kRequired);
  auto password = reader.string("password", Need::kRequired);
  RAPPORT_TRY(reader.finish());
  services::LoginReport report;
  auto signed_in = auth.login(*email, *password, request.client_address, &report);
  // A failure before the password was looked at (the store) is no sign-in outcome.
  if (metrics && (signed_in.ok() || signed_in.error().kind == core::ErrorKind::kRateLimited ||
                  signed_in.error().kind == core::ErrorKind::kUnauthenticated)) {
    metrics->sign_in(report.outcome);
  }
  if (!signed_in.ok()) {
    if (signed_in.error().kind != core::ErrorKind::kRateLimited) {
      return std::move(signed_in).error();
    }
    // The wait goes into Retry-After.
    return problem_response(signed_in.error(), report.retry_after);
  }
  auto& result = *signed_in;
  // The session was opened just now, so it lives its whole absolute lifetime; taken from the
  // policy rather than from this host's clock, which need not be the service's (tests move it).
  const auto max_age = auth.sessions().policy().absolute;
  RAPPORT_ASSIGN_OR_RETURN(
      auto cookie, build_set_cookie({std::string(kSessionCookie), result.session.cookie_value,
                                     max_age, secure}));
  boost::json::object out;
  out["csrf_token"] = result.session.csrf_token;
  out["expires_at"] = format_seconds(result.session.expires_at);
  out["user"] = user_to_json(result.user);
  auto response = Response::json(out, Status::created);
  response.set_header("Set-Cookie", cookie);
  response.set_header("Cache-Control", "no-store");
  return response;
}

core::Result<Response> logout(services::AuthService& auth, bool secure, const Request& request) {
  if (auto header = request.header("Cookie")) {
    if (auto session = find_cookie(*header, kSessionCookie)) {
      RAPPORT_TRY(auth.logout(*session, request.client_address));
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(auto cookie, build_set_cookie({std::string(kSessionCookie), "",
                                                          std::chrono::seconds(0), secure}));
  auto response = Response::no_content();
  response.set_header("Set-Cookie", cookie);
  return response;
}

}  // namespace

void add_session_routes(Router& router, services::AuthService& auth, bool secure_cookie,
                        Metrics* metrics) {
  router.post("/api/v1/session",
              [&auth, secure_cookie, metrics](Request& r) {
                return login(auth, secure_cookie, metrics, r);
              },
              {kLoginBodyLimit, LimitGroup::kLogin});
  router.get("/api/v1/session", [](Request& r) -> core::Result<Response> {
    RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(r));
    boost::json::object out;
    out["user_id"] = caller.user_id;
    out["role"] = std::string(core::to_string(caller.role));
    out["read_only"] = caller.read_only_token;
    return Response::json(out);
  });
  router.del("/api/v1/session",
             [&auth, secure_cookie](Request& r) { return logout(auth, secure_cookie, r); });
}

}  // namespace rapport::http
