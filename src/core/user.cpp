// Validation of the user fields in user.hpp.
#include "core/user.hpp"

#include <string>

namespace rapport::core {
namespace {

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool has_control(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > text.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const char32_t min_for_len = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min_for_len || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

Result<std::string> normalize_login_email(std::string_view text, std::string_view field) {
  const std::string_view s = trim_spaces(text);
  const auto bad = [&](std::string message) { return Error::field(std::string(field), message); };
  if (s.empty()) return bad("is required");
  if (s.size() > kMaxEmailBytes) return bad("is longer than 254 bytes");
  if (has_control(s) || s.find(' ') != std::string_view::npos)
    return bad("must not contain spaces");
  if (!is_valid_utf8(s)) return bad("is not valid UTF-8");
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) {
    return bad("must contain exactly one '@' after a local part");
  }
  const std::string_view domain = s.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') {
    return bad("must have a domain such as example.com");
  }
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<std::string> normalize_display_name(std::string_view text, std::string_view field) {
  const std::string_view s = trim_spaces(text);
  const auto bad = [&](std::string message) { return Error::field(std::string(field), message); };
  if (s.empty()) return bad("is required");
  if (s.size() > kMaxDisplayNameBytes) return bad("is longer than 200 bytes");
  if (!is_valid_utf8(s)) return bad("is not valid UTF-8");
  if (has_control(s)) return bad("must not contain control characters");
  return std::string(s);
}

}  // namespace rapport::core
