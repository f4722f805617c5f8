// Cookie header parsing and Set-Cookie building for the session cookie (RFC 6265).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::http {

// The value of cookie `name` in a Cookie header ("a=1; b=2"), surrounding double quotes removed;
// nullopt when absent. When a name appears twice the first wins, as browsers send the most
// specific path first.
std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name);

struct CookieSpec {
  std::string name;
  std::string value;
  std::optional<std::chrono::seconds> max_age;  // unset: a session cookie; zero: delete it
  bool secure = false;                          // set when the server is behind TLS
};

// "name=value; Path=/; HttpOnly; SameSite=Lax[; Max-Age=N][; Secure]". kInvalid when the name is
// not an RFC 6265 token or the value holds characters a cookie cannot carry (space, ';', ',',
// '"', '\\', controls, non-ASCII).
core::Result<std::string> build_set_cookie(const CookieSpec& cookie);

}  // namespace rapport::http
