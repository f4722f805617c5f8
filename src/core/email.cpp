// Email normalisation and shape checks.
#include "core/email.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace rapport::core {

namespace {

constexpr std::size_t kMaxAddress = 254;
constexpr std::size_t kMaxLocal = 64;

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool valid_utf8(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  std::string back;
  u.toUTF8String(back);
  return back == s;
}

const char* shape_problem(std::string_view a) {
  if (a.empty()) return "is empty";
  if (a.size() > kMaxAddress) return "is longer than 254 characters";
  if (!valid_utf8(a)) return "is not valid UTF-8";
  for (unsigned char c : a) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
        c == '\\' || c == '(' || c == ')' || c == '[' || c == ']') {
      return "contains a space or a character not allowed in an address";
    }
  }
  auto at = a.find('@');
  if (at == std::string_view::npos) return "needs an @";
  if (a.find('@', at + 1) != std::string_view::npos) return "has more than one @";
  std::string_view local = a.substr(0, at), domain = a.substr(at + 1);
  if (local.empty()) return "needs a name before the @";
  if (local.size() > kMaxLocal) return "has more than 64 characters before the @";
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return "has a misplaced dot before the @";
  }
  if (domain.find('.') == std::string_view::npos) return "needs a domain with a dot after the @";
  if (domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos || domain.front() == '-') {
    return "has a malformed domain";
  }
  return nullptr;
}

}  // namespace

Result<std::string> normalize_email(std::string_view text, std::string_view field) {
  std::string_view trimmed = trim(text);
  if (const char* problem = shape_problem(trimmed)) {
    return Error::field(std::string(field), std::string("email address ") + problem);
  }
  std::string lowered;
  icu::UnicodeString::fromUTF8(trimmed).toLower(icu::Locale::getRoot()).toUTF8String(lowered);
  return lowered;
}

}  // namespace rapport::core
