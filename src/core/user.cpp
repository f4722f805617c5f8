// Validation of the user fields in user.hpp.
#include "core/user.hpp"

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

}  // namespace rapport::core
