// What a handler sees of one HTTP request: method, target, matched route, path parameters, query,
// headers, body, client address and an auth slot that middleware fills.
#pragma once

#include <any>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/verb.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rapport::http {

using Method = boost::beast::http::verb;

inline constexpr std::size_t kDefaultBodyLimit = 1024 * 1024;

// Which rate-limit budget a route draws on: the whole API, the stricter login budget, or none
// (health checks and metrics, which monitoring polls).
enum class LimitGroup { kApi, kLogin, kNone };

struct RouteOptions {
  std::size_t body_limit = kDefaultBodyLimit;  // larger bodies get 413 before they are read
  LimitGroup limit_group = LimitGroup::kApi;
  // A write to a versioned record: without If-Match the router answers 428 Precondition Required
  // (RFC 6585), so that no client overwrites a change it has not seen by leaving the header out.
  bool requires_if_match = false;
  // A public file (the web app's): no middleware runs, so fetching a page's scripts and styles
  // costs no credential lookups.
  bool public_file = false;
};

struct Request {
  Method method = Method::unknown;
  std::string target;  // as sent, e.g. "/api/v1/contacts?limit=5"
  std::string path;    // percent-decoded path without the query
  std::string query;   // the raw (still encoded) query string, without '?'
  boost::beast::http::fields headers;
  std::string body;
  std::string client_address;  // the peer's IP address
  std::string route_pattern;   // the matched template, e.g. "/api/v1/contacts/{id}"
  RouteOptions options;
  std::vector<std::pair<std::string, std::string>> path_params;  // decoded
  std::any auth;  // set by authentication middleware; its type is the middleware's choice

  // The decoded path parameter `name`; empty when the route has no such parameter.
  std::string_view path_param(std::string_view name) const;
  // The path parameter `name` as a positive 64-bit id; kNotFound when it is not one, since no
  // record can have such an id.
  core::Result<std::int64_t> id_param(std::string_view name) const;
  // A header's value, or nullopt when absent.
  std::optional<std::string_view> header(std::string_view name) const;
  // The decoded value of query parameter `name` ('+' is a space); nullopt when absent, kInvalid
  // with the parameter as field when it is repeated or badly percent-encoded.
  core::Result<std::optional<std::string>> query_param(std::string_view name) const;
  // The version an If-Match header names: nullopt when there is no header or it is `*`; kInvalid
  // when it is not one strong tag; kStale when the tag is not one this server issues (it cannot
  // match any current version).
  core::Result<std::optional<std::int64_t>> if_match_version() const;

  // The authentication result middleware stored, or nullptr when none of type T was stored.
  template <class T>
  const T* auth_as() const {
    return std::any_cast<T>(&auth);
  }
};

}  // namespace rapport::http
