// Resolving the caller of each request; a failed bearer token ends it, a stale cookie does not.
#include "http/auth_middleware.hpp"

#include "http/cookies.hpp"
#include "http/problem.hpp"

namespace rapport::http {

Middleware auth_middleware(services::AuthService& auth) {
  return [&auth](Request& request) -> std::optional<Response> {
    if (auto authorization = request.header("Authorization")) {
      auto caller = auth.authenticate_bearer(*authorization, request.client_address);
      if (!caller.ok()) return problem_response(caller.error());
      request.auth = std::move(*caller);
      return std::nullopt;
    }
    const auto cookie_header = request.header("Cookie");
    if (!cookie_header) return std::nullopt;
    const auto session = find_cookie(*cookie_header, kSessionCookie);
    if (!session) return std::nullopt;
    auto caller = auth.authenticate_session(*session, request.client_address);
    if (caller.ok()) {
      request.auth = std::move(*caller);
    } else if (caller.error().kind == core::ErrorKind::kUnavailable ||
               caller.error().kind == core::ErrorKind::kInternal) {
      // A dead or planted cookie is no session, and the request goes on without one; but a
      // database that could not tell is the server's failure, not a signed-out user: a 401 tells
      // the client to sign in again, a 503 to try again.
      return problem_response(caller.error());
    }
    return std::nullopt;
  };
}

core::Result<services::Caller> require_caller(const Request& request) {
  if (const auto* caller = request.auth_as<services::Caller>()) return *caller;
  return core::Error::unauthenticated("sign in or send an API token");
}

}  // namespace rapport::http
