// Converting between std::chrono::sys_seconds and the epoch seconds the PostgreSQL statements
// bind (`to_timestamp($n)`) and select (`extract(epoch FROM col)::bigint`).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace rapport::store::postgres {

inline std::int64_t epoch(std::chrono::sys_seconds time) { return time.time_since_epoch().count(); }

inline std::optional<std::int64_t> epoch(std::optional<std::chrono::sys_seconds> time) {
  if (!time) return std::nullopt;
  return epoch(*time);
}

inline std::chrono::sys_seconds from_epoch(std::int64_t seconds) {
  return std::chrono::sys_seconds(std::chrono::seconds(seconds));
}

inline std::optional<std::chrono::sys_seconds> from_epoch(std::optional<std::int64_t> seconds) {
  if (!seconds) return std::nullopt;
  return from_epoch(*seconds);
}

}  // namespace rapport::store::postgres
