// A saved view of a list: a user's named filter, sort, search and columns for one kind of record,
// private or shared with their team, and the rules for its fields.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record_kind.hpp"
#include "core/result.hpp"

namespace rapport::core {

struct SavedView {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::optional<std::int64_t> team_id;  // set: shared with that team (the owner's)
  RecordKind kind = RecordKind::kContact;
  std::string name;
  // The list's query string without limit and after ("sort=-updated_at&filter%5Bowner_id%5D=3");
  // the http layer checks it parses as a list query.
  std::string query;
  std::vector<std::string> columns;  // field names in display order
  std::int64_t version = 1;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds updated_at{};
  bool operator==(const SavedView&) const = default;
};

inline constexpr std::size_t kMaxViewNameBytes = 100;
inline constexpr std::size_t kMaxViewQueryBytes = 4096;
inline constexpr std::size_t kMaxViewColumns = 60;
// Enough for every list a person keeps; a bound, so one account cannot fill the table.
inline constexpr std::int64_t kMaxViewsPerUser = 200;

// The name trimmed of surrounding spaces, or an invalid-input error on "name" when it is empty,
// longer than 100 bytes, not valid UTF-8 or holds control characters.
Result<std::string> normalize_view_name(std::string_view text);

// ok when every column is a field name ([a-z0-9_] words, optionally "custom." + word), none
// twice, at most kMaxViewColumns; otherwise an invalid-input error on "columns/<index>".
Status check_view_columns(const std::vector<std::string>& columns);

}  // namespace rapport::core
