// Splits a raw query string into percent-decoded name/value pairs. Browsers send '[' and ']'
// unencoded (filter[owner_id]=3), which RFC 3986 query syntax and so Boost.URL's parse_query
// reject; only the percent-escapes are checked here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rapport::http {

struct QueryParam {
  std::string name;
  std::string value;  // empty when the pair had no '='
};

// The pairs in order, '+' decoded as a space; empty pieces ("a=1&&b=2") are skipped. kInvalid
// (no field) when an escape is malformed ("%zz", a trailing '%').
core::Result<std::vector<QueryParam>> decode_query(std::string_view raw);

}  // namespace rapport::http
