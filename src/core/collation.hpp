// Language-aware order for lists: ICU sort keys (the Unicode Collation Algorithm with CLDR root
// data), stored beside the text so that both engines sort and page by plain byte comparison.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rapport::core {

// The sort key of `text` as lower-case hex: comparing two keys byte by byte orders their texts
// case-insensitively by the UCA root order ("de Vries" among the Ds, "Ĳsselmeer" among the Is,
// "Émile" beside "Emile"). Hex keeps the key valid text on both engines and keeps its order.
std::string collation_key(std::string_view text);

// The key of a number that compares byte by byte in numeric order (16 hex digits); NaN sorts
// last.
std::string number_key(double value);

// Identifies the rules behind collation_key (ICU's collator version): stored keys are computed
// again when it changes, since a new ICU may order some characters differently.
std::string collation_version();

}  // namespace rapport::core
