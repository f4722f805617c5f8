// Points in time as the domain keeps them: UTC with millisecond precision, written on the wire
// as RFC 3339.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::core {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

// Parses RFC 3339 ("2024-05-01T12:30:00Z", "2024-05-01T19:30:00.250+07:00") or a bare date
// ("2024-05-01", taken as midnight UTC). Returns the UTC time; kInvalid naming the text otherwise
// (including impossible dates such as 2023-02-29, and offsets that move the UTC time out of the
// years 0000-9999, which could not be written back).
Result<Timestamp> parse_timestamp(std::string_view text);

// Checks a bare calendar date "YYYY-MM-DD". Returns its midnight UTC; kInvalid otherwise.
Result<Timestamp> parse_date(std::string_view text);

// "2024-05-01T12:30:00.250Z" (milliseconds always written).
std::string format_timestamp(Timestamp t);

// Milliseconds since the Unix epoch, the storage form.
inline std::int64_t to_millis(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp from_millis(std::int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

}  // namespace rapport::core
