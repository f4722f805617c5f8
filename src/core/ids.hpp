// Record ids: 64-bit integers assigned by the store, positive once assigned.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.hpp"

namespace rapport::core {

using Id = std::int64_t;

// Parses a decimal id as it appears in a URL or filter ("42"). Returns the id; kInvalid when the
// text is empty, not all digits, zero, or beyond 2^63-1.
Result<Id> parse_id(std::string_view text);

}  // namespace rapport::core
