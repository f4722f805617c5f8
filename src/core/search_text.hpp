// The normalised form of text for search: compatibility-decomposed, diacritics removed from
// Latin, Greek and Cyrillic letters, case-folded, whitespace collapsed. Thai and Chinese keep
// their characters (Thai vowel and tone marks are not diacritics to drop).
#pragma once

#include <string>
#include <string_view>

namespace rapport::core {

// "  Nguyễn  Thị " → "nguyen thi", "Müller" → "muller", "ĐẶNG" → "dang"; "สมชาย" and "王小明"
// unchanged. Invalid UTF-8 sequences become U+FFFD. Never fails.
std::string normalize_for_search(std::string_view text);

// The number of Unicode code points in `text` (UTF-8), as the search paths count length.
std::size_t code_point_count(std::string_view text);

}  // namespace rapport::core
