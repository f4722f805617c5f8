// The query string of a list request → core::ListQuery: limit, after, sort, q and filters.
#pragma once

#include <initializer_list>
#include <string_view>

#include "core/list_query.hpp"
#include "core/result.hpp"

namespace rapport::http {

// Parses `limit` (1..500), `after` (a base64url cursor; the store checks its content), `sort`
// (one field, '-' for descending), `q` (free text) and filters:
//   filter[field]=v            eq
//   filter[field][op]=v        op in ne, lt, gt, contains; in (comma-separated); empty (true|false)
//   filter[tags]=a,b           records with any of the tags (kIn)
// Field names are [a-z0-9_] words, optionally "custom." + word; the store decides which exist.
// Parameters named in `extra` are left for the caller (read them with Request::query_param).
// Errors are kInvalid with the parameter as field: bad or out-of-range limit, malformed cursor,
// unknown operator or parameter, a repeated parameter, bad percent-encoding or UTF-8.
core::Result<core::ListQuery> parse_list_query(std::string_view query_string,
                                               std::initializer_list<std::string_view> extra = {});

}  // namespace rapport::http
