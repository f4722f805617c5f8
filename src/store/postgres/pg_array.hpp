// PostgreSQL array literals, for passing a list as one statement parameter ($1::text[]).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rapport::store::postgres {

// `{"a","b\"c",NULL}`: every element quoted (backslash and double quote escaped), nullopt as
// NULL. Valid input for text[] and, with numeric text, for float8[] and bigint[].
std::string array_literal(const std::vector<std::optional<std::string>>& elements);

}  // namespace rapport::store::postgres
