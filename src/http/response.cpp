// Response builders.
#include "http/response.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/json/serialize.hpp>

namespace rapport::http {

Response Response::json(const boost::json::value& body, Status status) {
  return text(boost::json::serialize(body), kJsonType, status);
}

Response Response::text(std::string body, std::string_view content_type, Status status) {
  Response r;
  r.status_ = status;
  r.content_type_ = std::string(content_type);
  r.body_ = std::move(body);
  return r;
}

Response Response::no_content() {
  Response r;
  r.status_ = Status::no_content;
  return r;
}

Response& Response::set_status(Status status) {
  status_ = status;
  return *this;
}

Response& Response::set_header(std::string_view name, std::string_view value) {
  for (auto& [n, v] : headers_) {
    if (boost::beast::iequals(n, name)) {
      v = std::string(value);
      return *this;
    }
  }
  headers_.emplace_back(std::string(name), std::string(value));
  return *this;
}

Response& Response::set_etag(std::string_view opaque_tag) {
  std::string quoted;
  quoted.reserve(opaque_tag.size() + 2);
  quoted.append("\"").append(opaque_tag).append("\"");
  return set_header("ETag", quoted);
}

const std::string* Response::find_header(std::string_view name) const {
  for (const auto& [n, v] : headers_) {
    if (boost::beast::iequals(n, name)) return &v;
  }
  return nullptr;
}

}  // namespace rapport::http
