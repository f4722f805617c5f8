// Plain query parameters (ids, times, an id-keyset page) read against an allowlist of names, for
// the routes whose lists are not core::ListQuery lists (users, teams, tokens, audit).
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/request.hpp"

namespace rapport::http {

class QueryParams {
 public:
  // The request's query parameters. kInvalid with the parameter as field when one is not in
  // `allowed`, is repeated or is badly encoded.
  static core::Result<QueryParams> parse(const Request& request,
                                         std::initializer_list<std::string_view> allowed);

  std::optional<std::string> text(std::string_view name) const;
  // A positive id; kInvalid on the parameter otherwise.
  core::Result<std::optional<std::int64_t>> id(std::string_view name) const;
  // An RFC 3339 time, truncated to seconds; kInvalid on the parameter otherwise.
  core::Result<std::optional<std::chrono::sys_seconds>> time(std::string_view name) const;
  // `limit`: 1 to 500, 50 when absent.
  core::Result<int> limit() const;
  // The id an `after` cursor carries; kInvalid unless it came from a page of `resource`.
  core::Result<std::optional<std::int64_t>> after(std::string_view resource) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// The `after` cursor continuing a page of `resource` after id `next`; empty when unset (the last
// page), as record_routes.hpp's page_response expects.
std::string id_cursor(std::string_view resource, std::optional<std::int64_t> next);

}  // namespace rapport::http
