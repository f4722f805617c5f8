// Phone numbers through libphonenumber: parsed with a default region to E.164, the text as
// typed kept beside it, and the digit strings the search index holds so any typed format finds it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rapport::core {

struct ParsedPhone {
  std::string original;  // as typed, trimmed
  std::string e164;      // "+66812345678"
};

// Parses `text` (international "+66 81 234 5678" or national "081-234-5678" read in
// `default_region`, an ISO 3166 code such as "TH"). Returns the number; kInvalid with a field
// error on `field`, naming the region the number was read in, when it cannot be parsed or is
// not a valid number there.
Result<ParsedPhone> parse_phone(std::string_view text, std::string_view default_region,
                                std::string_view field = "phone");

// Whether `region` is an upper-case ISO 3166 alpha-2 code with a numbering plan ("TW").
bool is_phone_region(std::string_view region);

// The digit strings under which a number is indexed for search: the E.164 digits
// ("66812345678") and the national format's digits ("0812345678"). Empty for an invalid e164.
std::vector<std::string> phone_search_digits(std::string_view e164);

// When a search query looks like a phone number (only digits, spaces and + - ( ) . /, at least
// kMinPhoneQueryDigits digits), its digits with a national trunk prefix kept ("081-234-5678" →
// "0812345678", "+66 81 234 5678" → "66812345678"); nullopt otherwise.
inline constexpr int kMinPhoneQueryDigits = 5;
std::optional<std::string> phone_query_digits(std::string_view query);

}  // namespace rapport::core
