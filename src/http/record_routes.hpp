// What the routes of versioned records share: the ETag a read carries, the If-Match version a
// write must name, the shelf parameter of lists, and the {"items", "next"} page shape.
#pragma once

#include <boost/json/array.hpp>
#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "store/store.hpp"

namespace rapport::http {

// `response` with an ETag naming `version`.
Response with_etag(Response response, std::int64_t version);

// The version a write names in If-Match. Required rather than optional so that a client can
// never overwrite a change it has not seen by leaving the header out: kInvalid (field
// "If-Match") when absent or malformed.
core::Result<std::int64_t> required_version(const Request& request);

// The `shelf` query parameter: live (the default) or trash; kInvalid for anything else.
core::Result<store::Shelf> shelf_param(const Request& request);

// {"items": items, "next": cursor or null}.
Response page_response(boost::json::array items, const std::string& next);

}  // namespace rapport::http
