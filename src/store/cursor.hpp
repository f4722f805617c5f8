// Keyset cursors: the sort field, direction, the last row's sort value and id, packed into an
// opaque URL-safe string. A cursor only continues the query it came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/result.hpp"

namespace rapport::store {

struct Cursor {
  std::string field;  // the sort field name
  bool descending = false;
  std::variant<std::int64_t, std::string> value;  // the last row's sort value
  std::int64_t id = 0;                            // the last row's id (tie breaker)
  bool operator==(const Cursor&) const = default;
};

std::string encode_cursor(const Cursor& cursor);

// Returns the cursor; kInvalid when `text` is not one encode_cursor produced.
core::Result<Cursor> decode_cursor(std::string_view text);

}  // namespace rapport::store
