// Email addresses: trimmed, lower-cased and checked for a plausible shape (one @, a dotted
// domain, no spaces or control characters, RFC 5321 length limits).
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::core {

// Returns the normalised address; kInvalid with a field error on `field` saying what is wrong.
Result<std::string> normalize_email(std::string_view text, std::string_view field = "email");

}  // namespace rapport::core
