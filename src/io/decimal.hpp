// Exact decimal parsing for money and quantities: text to scaled integers, never through floating
// point (DESIGN.md: money is integer minor units).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rapport::io {

// Parses "[+-]digits[.digits]" (surrounding blanks allowed; at least one digit) and returns the
// value times 10^scale, rounded half away from zero when the text has more decimals than scale.
// Returns nullopt for anything else or when the result does not fit in int64. scale is 0..9.
std::optional<std::int64_t> parse_scaled_decimal(std::string_view text, int scale);

// Divides by 10^digits, rounding half away from zero. digits is 0..18.
std::int64_t round_scaled(std::int64_t value, int digits);

}  // namespace rapport::io
