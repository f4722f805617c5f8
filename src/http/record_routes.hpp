// What the routes of versioned records share: the ETag a read carries, the If-Match version a
// write must name, the shelf parameter of lists, and the {"items", "next"} page shape.
#pragma once

#include <boost/json/array.hpp>
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "store/store.hpp"

namespace rapport::http {

// `response` with an ETag naming `version`.
Response with_etag(Response response, std::int64_t version);

// The version a write names in If-Match, on a route with RouteOptions::requires_if_match (the
// router has answered 428 when the header is absent; here that is kInvalid on field "If-Match").
// `*` matches any current version (RFC 9110 §13.1.1): it names the one `current` reads now, and
// `current`'s error (404 for a record that is gone or hidden) is the answer when there is none.
// kInvalid when malformed, kStale for a tag this server never issued.
core::Result<std::int64_t> required_version(
    const Request& request, const std::function<core::Result<std::int64_t>()>& current);

// The options of a route that writes a versioned record (see required_version).
inline constexpr RouteOptions kVersionedWrite{.requires_if_match = true};

// The `shelf` query parameter: live (the default) or trash; kInvalid for anything else.
core::Result<store::Shelf> shelf_param(const Request& request);

// {"items": items, "next": cursor or null}.
Response page_response(boost::json::array items, const std::string& next);

}  // namespace rapport::http
