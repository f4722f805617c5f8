// Times in the SQLite identity tables: UTC seconds since the Unix epoch in INTEGER columns.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "store/sqlite/sqlite_connection.hpp"

namespace rapport::store::sqlite {

inline std::int64_t to_epoch(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }

inline std::optional<std::int64_t> to_epoch(std::optional<std::chrono::sys_seconds> t) {
  if (!t) return std::nullopt;
  return to_epoch(*t);
}

inline std::chrono::sys_seconds time_at(const Statement& s, int column) {
  return std::chrono::sys_seconds(std::chrono::seconds(s.int64_at(column)));
}

inline std::optional<std::chrono::sys_seconds> optional_time_at(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return time_at(s, column);
}

}  // namespace rapport::store::sqlite
