// Lenient Cookie parsing (browsers send what they have) and strict Set-Cookie building.
#include "http/cookies.hpp"

#include <algorithm>

#include "core/text_rules.hpp"

namespace rapport::http {
namespace {

bool is_token_char(unsigned char c) {
  constexpr std::string_view kSeparators = "()<>@,;:\\\"/[]?={} \t";
  return c > 0x20 && c < 0x7f && kSeparators.find(static_cast<char>(c)) == std::string_view::npos;
}

bool is_cookie_octet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) ||
         (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
}

}  // namespace

std::optional<std::string> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    const std::string_view pair = core::trim_blanks(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || core::trim_blanks(pair.substr(0, eq)) != name) continue;
    std::string_view value = core::trim_blanks(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

core::Result<std::string> build_set_cookie(const CookieSpec& cookie) {
  if (cookie.name.empty() || !std::all_of(cookie.name.begin(), cookie.name.end(), [](char c) {
        return is_token_char(static_cast<unsigned char>(c));
      })) {
    return core::Error::field("cookie.name", "is not a valid cookie name");
  }
  if (!std::all_of(cookie.value.begin(), cookie.value.end(),
                   [](char c) { return is_cookie_octet(static_cast<unsigned char>(c)); })) {
    return core::Error::field("cookie.value", "holds characters a cookie cannot carry");
  }
  std::string out = cookie.name + "=" + cookie.value + "; Path=/; HttpOnly; SameSite=Lax";
  if (cookie.max_age) {
    out += "; Max-Age=" +
           std::to_string(std::max<std::chrono::seconds::rep>(0, cookie.max_age->count()));
  }
  if (cookie.secure) out += "; Secure";
  return out;
}

}  // namespace rapport::http
