// Double-submit CSRF check for cookie-authenticated requests with unsafe methods: the client
// echoes its session's CSRF token in X-CSRF-Token, compared in constant time.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/router.hpp"

namespace rapport::http {

inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// GET, HEAD, OPTIONS and TRACE change nothing and need no token.
bool is_safe_method(Method method);

// ok when the method is safe or `presented` equals `expected` (constant time, libsodium);
// kForbidden when the token is missing or differs.
core::Status check_csrf_token(Method method, std::string_view presented, std::string_view expected);

// The session's CSRF token for a session cookie value; the session store (services) answers.
// An error (unknown or expired session) ends the request with that error's problem.
using CsrfTokenLookup = std::function<core::Result<std::string>(std::string_view session_cookie)>;

// A route whose unsafe requests are never checked (its method and pattern, as routed).
struct CsrfExemption {
  Method method;
  std::string route_pattern;
};

// Middleware enforcing the check on requests the session cookie `cookie_name` authenticated:
// those carrying that cookie, no Authorization header (a bearer token is not sent by browsers on
// their own, so it needs no CSRF token; authentication must then use the bearer token alone) and
// a caller in Request::auth, so it must run after the authentication middleware. A dead, expired
// or forged cookie authenticates nobody, so a request carrying one is anonymous and unchecked: it
// may do only what anyone may, and a user whose session ended can sign in and out. `exempt`
// routes are never checked (signing in is authenticated by the password, and must work whatever
// live cookie the browser holds, also when the page has lost that session's CSRF token).
Middleware csrf_middleware(std::string cookie_name, CsrfTokenLookup lookup,
                           std::vector<CsrfExemption> exempt = {});

}  // namespace rapport::http
