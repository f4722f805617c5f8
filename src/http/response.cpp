// Response builders.
#include "http/response.hpp"

#include <array>
#include <boost/beast/core/string.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>

namespace rapport::http {

namespace {

namespace json = boost::json;

bool has_double(const json::value& v) {
  switch (v.kind()) {
    case json::kind::double_:
      return true;
    case json::kind::array:
      for (const auto& item : v.get_array()) {
        if (has_double(item)) return true;
      }
      return false;
    case json::kind::object:
      for (const auto& item : v.get_object()) {
        if (has_double(item.value())) return true;
      }
      return false;
    default:
      return false;
  }
}

// Boost.JSON writes 42.5 as 4.25E1: valid, but not what a person or a schema example expects.
// Bodies holding a double are written here with each double in its shortest plain form
// (std::to_chars: "42.5", "1e+21"); everything else is Boost.JSON's own text.
void write_plain(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::double_: {
      std::array<char, 32> buffer{};
      auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v.get_double());
      out.append(buffer.data(), written.ptr);
      return;
    }
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write_plain(item, out);
      }
      out += ']';
      return;
    }
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& item : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(item.key());
        out += ':';
        write_plain(item.value(), out);
      }
      out += '}';
      return;
    }
    default:
      out += json::serialize(v);
      return;
  }
}

}  // namespace

Response Response::json(const boost::json::value& body, Status status) {
  if (!has_double(body)) return text(boost::json::serialize(body), kJsonType, status);
  std::string out;
  write_plain(body, out);
  return text(std::move(out), kJsonType, status);
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
