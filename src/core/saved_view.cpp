// Validation of the saved-view fields in saved_view.hpp.
#include "core/saved_view.hpp"

#include <set>

#include "core/text_rules.hpp"

namespace rapport::core {
namespace {

bool is_word(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

Result<std::string> normalize_view_name(std::string_view text) {
  const std::string s = trim_spaces(text);
  const auto bad = [](std::string message) { return Error::field("name", std::move(message)); };
  if (s.empty()) return bad("is required");
  if (s.size() > kMaxViewNameBytes) return bad("is longer than 100 bytes");
  if (!is_valid_utf8(s)) return bad("is not valid UTF-8");
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return bad("must not contain control characters");
  }
  return s;
}

Status check_view_columns(const std::vector<std::string>& columns) {
  if (columns.size() > kMaxViewColumns) {
    return Error::field("columns",
                        "holds more than " + std::to_string(kMaxViewColumns) + " fields");
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    std::string_view name = columns[i];
    const std::string field = "columns/" + std::to_string(i);
    if (name.starts_with("custom.")) name.remove_prefix(7);
    if (!is_word(name)) return Error::field(field, "is not a field name");
    if (!seen.insert(columns[i]).second) return Error::field(field, "is listed twice");
  }
  return ok_status();
}

}  // namespace rapport::core
