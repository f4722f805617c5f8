// The reply a handler builds: status, content type, body and extra headers. The server adds the
// standard headers (Server, security headers) and serialises it; handlers never touch Beast.
#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapport::http {

using Status = boost::beast::http::status;

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kProblemType = "application/problem+json";

class Response {
 public:
  // A JSON body (serialised now) with the given status, 200 by default.
  static Response json(const boost::json::value& body, Status status = Status::ok);
  // Any text body with its media type, e.g. "application/yaml".
  static Response text(std::string body, std::string_view content_type, Status status = Status::ok);
  // 204 with no body, e.g. after a DELETE.
  static Response no_content();

  Response& set_status(Status status);
  // Adds a header, replacing an earlier one of the same name (case-insensitive).
  Response& set_header(std::string_view name, std::string_view value);
  // Sets a strong ETag from an opaque tag; the quotes are added here.
  Response& set_etag(std::string_view opaque_tag);

  Status status() const { return status_; }
  const std::string& content_type() const { return content_type_; }
  const std::string& body() const { return body_; }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  // The value of a header set on this response, or nullptr when it has none.
  const std::string* find_header(std::string_view name) const;

 private:
  Status status_ = Status::ok;
  std::string content_type_;
  std::string body_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

}  // namespace rapport::http
