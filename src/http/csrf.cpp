// The CSRF check and its middleware.
#include "http/csrf.hpp"

#include <sodium.h>

#include "http/cookies.hpp"
#include "http/problem.hpp"

namespace rapport::http {

bool is_safe_method(Method method) {
  return method == Method::get || method == Method::head || method == Method::options ||
         method == Method::trace;
}

core::Status check_csrf_token(Method method, std::string_view presented,
                              std::string_view expected) {
  if (is_safe_method(method)) return core::ok_status();
  if (presented.empty()) return core::Error::forbidden("missing X-CSRF-Token header");
  // Lengths of the session's token are not secret; only the contents are compared in constant time.
  if (expected.empty() || presented.size() != expected.size() ||
      sodium_memcmp(presented.data(), expected.data(), expected.size()) != 0) {
    return core::Error::forbidden("X-CSRF-Token does not match the session");
  }
  return core::ok_status();
}

Middleware csrf_middleware(std::string cookie_name, CsrfTokenLookup lookup,
                           std::vector<CsrfExemption> exempt) {
  return [cookie_name = std::move(cookie_name), lookup = std::move(lookup),
          exempt = std::move(exempt)](Request& request) -> std::optional<Response> {
    if (is_safe_method(request.method) || request.header("Authorization") ||
        !request.auth.has_value()) {
      return std::nullopt;
    }
    for (const auto& e : exempt) {
      if (e.method == request.method && e.route_pattern == request.route_pattern) {
        return std::nullopt;
      }
    }
    const auto cookies = request.header("Cookie");
    if (!cookies) return std::nullopt;
    const auto session = find_cookie(*cookies, cookie_name);
    if (!session) return std::nullopt;
    auto expected = lookup(*session);
    if (!expected.ok()) return problem_response(expected.error());
    const auto status =
        check_csrf_token(request.method, request.header(kCsrfHeader).value_or(""), *expected);
    if (!status.ok()) return problem_response(status.error());
    return std::nullopt;
  };
}

}  // namespace rapport::http
