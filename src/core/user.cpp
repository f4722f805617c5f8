// Validation of the user fields in user.hpp.
#include "core/user.hpp"

#include <unicode/timezone.h>

#include <string>

#include "core/text_rules.hpp"

namespace rapport::core {
namespace {

bool has_control(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

Result<std::string> normalize_display_name(std::string_view text, std::string_view field) {
  const std::string s = trim_spaces(text);
  const auto bad = [&](std::string message) { return Error::field(std::string(field), message); };
  if (s.empty()) return bad("is required");
  if (s.size() > kMaxDisplayNameBytes) return bad("is longer than 200 bytes");
  if (!is_valid_utf8(s)) return bad("is not valid UTF-8");
  if (has_control(s)) return bad("must not contain control characters");
  return s;
}

Result<std::string> normalize_ui_language(std::string_view tag, std::string_view field) {
  for (std::string_view language : kUiLanguages) {
    if (iequals_ascii(tag, language)) return std::string(language);
  }
  return Error::field(std::string(field), "must be one of en, th, nl, fil, zh-Hant");
}

Result<std::string> normalize_time_zone(std::string_view id, std::string_view field) {
  // The longest IANA id is about 30 bytes; the limit only keeps junk away from ICU.
  constexpr std::size_t kMaxTimeZoneBytes = 64;
  const auto bad = [&] {
    return Error::field(std::string(field), "must be an IANA time zone such as Asia/Bangkok");
  };
  if (id.empty() || id.size() > kMaxTimeZoneBytes || has_control(id)) return bad();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString canonical;
  UBool system = false;
  icu::TimeZone::getCanonicalID(
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size()))),
      canonical, system, status);
  if (U_FAILURE(status) || !system) return bad();
  return std::string(id);
}

}  // namespace rapport::core
