// RFC 9457 problem+json: how a core::Error becomes an HTTP status and a body. The one mapping
// from error kinds to status codes; handlers return errors and never pick failure statuses.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "http/response.hpp"

namespace rapport::http {

// kInvalid is 400 when the request as a whole cannot be read (malformed JSON, invalid UTF-8, a bad
// target: the error names no field) and 422 when it was read but named fields break a rule (the
// error carries field details: wrong type, unknown field, bad limit, a validation failure).
// kUnauthenticated 401, kForbidden 403, kNotFound 404, kConflict 409, kStale 412, kTooLarge 413,
// kRateLimited 429, kUnavailable 503, kInternal 500.
Status status_for(const core::Error& error);

// The problem+json response for an error: `type`, `title`, `status`, `detail` and, when the error
// has field details, `errors: [{field, message}]`. A kInternal error's message is replaced by a
// generic detail so internals never reach the client. A 429 carries Retry-After (`retry_after`,
// at least one second; one second when not given).
Response problem_response(const core::Error& error,
                          std::optional<std::chrono::seconds> retry_after = std::nullopt);

// A problem for failures that are not domain errors (405, 431, …): `type_name` becomes the last
// part of `type`, `detail` is shown to the client as given.
Response problem_response(Status status, std::string_view type_name, std::string_view detail);

}  // namespace rapport::http
