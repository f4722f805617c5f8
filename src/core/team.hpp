// A team of users: the unit of "team" record scope (role.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::core {

struct Team {
  std::int64_t id = 0;
  std::string name;  // unique
  std::int64_t version = 1;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds updated_at{};
  bool operator==(const Team&) const = default;
};

inline constexpr std::size_t kMaxTeamNameBytes = 100;

// The team name trimmed of surrounding spaces, or an invalid-input error on field "name" when it
// is empty, longer than 100 bytes, not valid UTF-8 or contains control characters.
Result<std::string> normalize_team_name(std::string_view text);

}  // namespace rapport::core
