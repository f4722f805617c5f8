// Boost.JSON parsing hardened for request bodies, and the collecting field reader.
#include "http/json_input.hpp"

#include <algorithm>
#include <boost/json/stream_parser.hpp>

#include "http/utf8.hpp"

namespace rapport::http {
namespace {

std::string json_kind(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_:
      return "a number";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::array:
      return "an array";
    case boost::json::kind::object:
      return "an object";
  }
  return "a value";
}

// The first control character in valid UTF-8 `s` other than tab, line feed and carriage return
// (which multi-line fields such as notes use; one-line fields refuse them in core/text_rules):
// U+0000, the rest of C0, DEL and C1 (U+0080-U+009F, encoded C2 80-C2 9F).
std::optional<unsigned> find_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return c;
    if (c == 0xc2 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9f) return next;
    }
  }
  return std::nullopt;
}

std::string code_point_name(unsigned code_point) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name = "U+00";
  name += kHex[code_point >> 4];
  name += kHex[code_point & 0xf];
  return name;
}

// Walks the parsed value: strings (keys too) must be valid UTF-8 after unescaping, within the
// length limit and free of control characters, which would otherwise be stored and then slip past
// uniqueness checks and filters that compare the visible text. Returns the first failure.
std::optional<core::Error> check_strings(const boost::json::value& v, const std::string& path,
                                         const JsonLimits& limits) {
  auto check = [&](std::string_view s, const std::string& at) -> std::optional<core::Error> {
    if (find_invalid_utf8(s)) {
      return core::Error::invalid("a string at '" + at +
                                  "' is not valid Unicode (lone surrogate?)");
    }
    if (s.size() > limits.max_string_bytes) {
      return core::Error::field(
          at, "longer than " + std::to_string(limits.max_string_bytes) + " bytes");
    }
    if (const auto control = find_control(s)) {
      return core::Error::field(at, "contains the control character " + code_point_name(*control) +
                                        ", which is not allowed");
    }
    return std::nullopt;
  };
  if (const auto* s = v.if_string()) return check(*s, path);
  if (const auto* a = v.if_array()) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (auto e = check_strings((*a)[i], child_path(path, i), limits)) return e;
    }
  }
  if (const auto* o = v.if_object()) {
    for (const auto& kv : *o) {
      const std::string at = child_path(path, kv.key());
      if (auto e = check(kv.key(), at)) return e;
      if (auto e = check_strings(kv.value(), at, limits)) return e;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string child_path(std::string_view parent, std::string_view key) {
  std::string out(parent);
  if (!out.empty()) out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_path(std::string_view parent, std::size_t index) {
  return child_path(parent, std::to_string(index));
}

core::Result<boost::json::value> parse_json(std::string_view body, const JsonLimits& limits) {
  if (body.empty()) return core::Error::invalid("the request body is empty; JSON was expected");
  if (const auto bad = find_invalid_utf8(body)) {
    return core::Error::invalid("the body is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
  }
  boost::json::parse_options options;
  options.max_depth = limits.max_depth;
  boost::json::stream_parser parser(boost::json::storage_ptr(), options);
  boost::system::error_code ec;
  const std::size_t used = parser.write(body.data(), body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    std::string what = ec == boost::json::error::too_deep
                           ? "nested deeper than " + std::to_string(limits.max_depth) + " levels"
                           : ec.message();
    return core::Error::invalid("malformed JSON at byte " + std::to_string(used) + ": " + what);
  }
  boost::json::value value = parser.release();
  if (auto e = check_strings(value, "", limits)) return std::move(*e);
  return value;
}

core::Result<boost::json::object> parse_json_object(std::string_view body,
                                                    const JsonLimits& limits) {
  RAPPORT_ASSIGN_OR_RETURN(boost::json::value value, parse_json(body, limits));
  if (!value.is_object()) {
    return core::Error::invalid("the body must be a JSON object, not " + json_kind(value));
  }
  return std::move(value.get_object());
}

ObjectReader::ObjectReader(const boost::json::object& object, std::string path)
    : ObjectReader(object, std::move(path), std::make_shared<std::vector<core::FieldError>>()) {}

ObjectReader::ObjectReader(const boost::json::object& object, std::string path,
                           std::shared_ptr<std::vector<core::FieldError>> errors)
    : object_(&object), path_(std::move(path)), errors_(std::move(errors)) {}

ObjectReader& ObjectReader::allow_only(std::initializer_list<std::string_view> allowed) {
  for (const auto& kv : *object_) {
    const std::string_view key = kv.key();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    const bool server_owned =
        std::find(std::begin(kServerOwnedFields), std::end(kServerOwnedFields), key) !=
        std::end(kServerOwnedFields);
    fail(key, server_owned ? "is set by the server and cannot be written" : "unknown field");
  }
  return *this;
}

bool ObjectReader::has(std::string_view key) const { return object_->contains(key); }

bool ObjectReader::is_null(std::string_view key) const {
  const auto* v = object_->if_contains(key);
  return v && v->is_null();
}

const boost::json::value* ObjectReader::field(std::string_view key, Need need) {
  const auto* v = object_->if_contains(key);
  if (!v || v->is_null()) {
    if (need == Need::kRequired) fail(key, "is required");
    return nullptr;
  }
  return v;
}

std::optional<std::string> ObjectReader::string(std::string_view key, Need need) {
  const auto* v = field(key, need);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    fail(key, "must be a string, not " + json_kind(*v));
    return std::nullopt;
  }
  return std::string(v->get_string());
}

std::optional<std::int64_t> ObjectReader::integer(std::string_view key, Need need) {
  const auto* v = field(key, need);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->get_uint64());
  }
  fail(key, v->is_number() ? "must be an integer in the 64-bit range"
                           : "must be an integer, not " + json_kind(*v));
  return std::nullopt;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, Need need) {
  const auto* v = field(key, need);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    fail(key, "must be true or false, not " + json_kind(*v));
    return std::nullopt;
  }
  return v->get_bool();
}

const boost::json::array* ObjectReader::array(std::string_view key, Need need) {
  const auto* v = field(key, need);
  if (!v) return nullptr;
  if (!v->is_array()) fail(key, "must be an array, not " + json_kind(*v));
  return v->if_array();
}

const boost::json::object* ObjectReader::object(std::string_view key, Need need) {
  const auto* v = field(key, need);
  if (!v) return nullptr;
  if (!v->is_object()) fail(key, "must be an object, not " + json_kind(*v));
  return v->if_object();
}

ObjectReader ObjectReader::nested(const boost::json::object& object,
                                  std::string_view relative_path) const {
  std::string path = path_;
  if (!path.empty() && !relative_path.empty()) path += '/';
  path += relative_path;
  return ObjectReader(object, std::move(path), errors_);
}

void ObjectReader::fail(std::string_view key, std::string message) {
  errors_->push_back({child_path(path_, key), std::move(message)});
}

void ObjectReader::fail_at(std::string_view pointer, std::string message) {
  std::string at = path_;
  if (!at.empty()) at += '/';
  at += pointer;
  errors_->push_back({std::move(at), std::move(message)});
}

core::Status ObjectReader::finish() const {
  if (errors_->empty()) return core::ok_status();
  std::string summary = "invalid fields: ";
  for (std::size_t i = 0; i < errors_->size(); ++i) {
    if (i > 0) summary += ", ";
    summary += (*errors_)[i].field;
  }
  return core::Error::invalid(std::move(summary), *errors_);
}

}  // namespace rapport::http
