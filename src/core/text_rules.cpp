// UTF-8, length and control-character checks.
#include "core/text_rules.hpp"

#include <unicode/utf8.h>

#include <set>

namespace rapport::core {

bool is_valid_utf8(std::string_view text) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

void check_text(std::string_view field, std::string_view value, std::size_t max_bytes,
                bool one_line, std::vector<FieldError>& errors) {
  if (!is_valid_utf8(value)) {
    errors.push_back({std::string(field), "is not valid UTF-8"});
  } else if (value.size() > max_bytes) {
    errors.push_back(
        {std::string(field), "is longer than " + std::to_string(max_bytes) + " bytes"});
  } else if (one_line) {
    for (unsigned char c : value) {
      if (c < 0x20 || c == 0x7f) {
        errors.push_back({std::string(field), "must be one line without control characters"});
        return;
      }
    }
  }
}

void check_tags(const std::vector<std::string>& tags, std::vector<FieldError>& errors) {
  if (tags.size() > kMaxTags) errors.push_back({"tags", "at most 100 tags"});
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    std::string field = "tags/" + std::to_string(i);
    const std::string& tag = tags[i];
    if (tag.empty() || trim_spaces(tag) != tag) {
      errors.push_back({field, "must not be empty or padded with spaces"});
      continue;
    }
    std::size_t before = errors.size();
    check_text(field, tag, 64, true, errors);
    if (errors.size() == before && !seen.insert(tag).second) {
      errors.push_back({field, "is listed twice"});
    }
  }
}

std::string_view trim_blanks(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return value;
}

std::string trim_spaces(std::string_view value) { return std::string(trim_blanks(value)); }

}  // namespace rapport::core
