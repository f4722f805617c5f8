// Parses dates and date-times written in a strftime-like format, as transaction exports use them
// ("%Y%m%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", …), into seconds since 1970-01-01.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace rapport::io {

// Checks that a format uses only the supported conversions: %Y (4 digits), %y (2 digits,
// 69–99 → 19xx, else 20xx), %m, %d, %H, %M, %S (1–2 digits), %b (English month abbreviation,
// any case) and %%. Other characters match themselves; a space matches one or more blanks.
// Fails with a field error on "date_format" otherwise.
core::Status validate_date_format(std::string_view format);

// Whether the format carries a time of day (%H, %M or %S).
bool date_format_has_time(std::string_view format);

// Parses text in a validated format and returns seconds since 1970-01-01T00:00:00 (the clock
// time as written; no time-zone conversion). Returns nullopt when the text does not match the
// format or names an impossible date or time (2011-02-30, 25:00).
std::optional<std::int64_t> parse_date_time(std::string_view text, std::string_view format);

// The ISO formats most exports use ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S") have a
// fast path for text written at full width. A reader of many rows finds the shape of its
// format once and passes it with each row.
enum class IsoShape { kNone, kDate, kDateHourMinute, kDateTime };
IsoShape iso_shape_of(std::string_view format);

// parse_date_time(text, format), given shape == iso_shape_of(format).
std::optional<std::int64_t> parse_date_time(std::string_view text, std::string_view format,
                                            IsoShape shape);

}  // namespace rapport::io
