// Checks shared by every free-text field of a record: valid UTF-8, a length limit, no control
// characters in one-line fields.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace rapport::core {

bool is_valid_utf8(std::string_view text);

// Appends a field error on `field` to `errors` when `value` is not valid UTF-8, is longer than
// `max_bytes`, or (when `one_line`) holds a control character such as a line break.
void check_text(std::string_view field, std::string_view value, std::size_t max_bytes,
                bool one_line, std::vector<FieldError>& errors);

// Appends field errors under "tags/<i>" for tags that are empty, padded, longer than 64 bytes,
// not one line, or repeated; and on "tags" when there are more than kMaxTags.
inline constexpr std::size_t kMaxTags = 100;
void check_tags(const std::vector<std::string>& tags, std::vector<FieldError>& errors);

// `value` without the spaces and tabs at either end (a view into it).
std::string_view trim_blanks(std::string_view value);

// `value` with spaces and tabs removed at both ends.
std::string trim_spaces(std::string_view value);

}  // namespace rapport::core
