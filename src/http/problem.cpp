// Maps error kinds to statuses and renders RFC 9457 problem documents.
#include "http/problem.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <string>

namespace rapport::http {
namespace {

std::string_view title_for(Status status) {
  switch (status) {
    case Status::bad_request:
      return "Malformed request";
    case Status::unprocessable_entity:
      return "Validation failed";
    case Status::unauthorized:
      return "Authentication required";
    case Status::forbidden:
      return "Forbidden";
    case Status::not_found:
      return "Not found";
    case Status::method_not_allowed:
      return "Method not allowed";
    case Status::request_header_fields_too_large:
      return "Request headers too large";
    case Status::conflict:
      return "Conflict";
    case Status::precondition_failed:
      return "Version is out of date";
    case Status::payload_too_large:
      return "Request too large";
    case Status::unsupported_media_type:
      return "Unsupported media type";
    case Status::precondition_required:
      return "If-Match required";
    case Status::too_many_requests:
      return "Too many requests";
    case Status::service_unavailable:
      return "Service unavailable";
    default:
      return "Internal error";
  }
}

}  // namespace

Status status_for(const core::Error& error) {
  using core::ErrorKind;
  switch (error.kind) {
    case ErrorKind::kInvalid:
      return error.fields.empty() ? Status::bad_request : Status::unprocessable_entity;
    case ErrorKind::kUnauthenticated:
      return Status::unauthorized;
    case ErrorKind::kForbidden:
      return Status::forbidden;
    case ErrorKind::kNotFound:
      return Status::not_found;
    case ErrorKind::kConflict:
      return Status::conflict;
    case ErrorKind::kStale:
      return Status::precondition_failed;
    case ErrorKind::kTooLarge:
      return Status::payload_too_large;
    case ErrorKind::kRateLimited:
      return Status::too_many_requests;
    case ErrorKind::kUnavailable:
      return Status::service_unavailable;
    case ErrorKind::kInternal:
      return Status::internal_server_error;
  }
  return Status::internal_server_error;
}

Response problem_response(const core::Error& error,
                          std::optional<std::chrono::seconds> retry_after) {
  const Status status = status_for(error);
  boost::json::object body;
  body["type"] = "/problems/" + std::string(core::to_string(error.kind));
  body["title"] = title_for(status);
  body["status"] = static_cast<int>(status);
  // A 5xx's message is for the log (it may hold the database engine's text), never the client.
  if (error.kind == core::ErrorKind::kInternal) {
    body["detail"] = "The server failed to handle the request; it has been logged.";
  } else if (error.kind == core::ErrorKind::kUnavailable) {
    body["detail"] = "A service the server needs is unavailable; try again later.";
  } else {
    body["detail"] = error.message;
  }
  if (!error.fields.empty()) {
    boost::json::array errors;
    for (const auto& f : error.fields) {
      errors.push_back(boost::json::object{{"field", f.field}, {"message", f.message}});
    }
    body["errors"] = std::move(errors);
  }
  Response response = Response::text(boost::json::serialize(body), kProblemType, status);
  if (status == Status::too_many_requests) {
    const auto seconds =
        std::max<std::chrono::seconds::rep>(1, retry_after ? retry_after->count() : 1);
    response.set_header("Retry-After", std::to_string(seconds));
  }
  return response;
}

Response problem_response(Status status, std::string_view type_name, std::string_view detail) {
  boost::json::object body;
  body["type"] = "/problems/" + std::string(type_name);
  body["title"] = title_for(status);
  body["status"] = static_cast<int>(status);
  body["detail"] = detail;
  return Response::text(boost::json::serialize(body), kProblemType, status);
}

}  // namespace rapport::http
