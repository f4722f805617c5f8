// Strict JSON request bodies: parsing with limits and UTF-8 checks, then reading an object's
// fields with per-field errors (wrong type, missing, unknown, server-owned) collected by path.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rapport::http {

struct JsonLimits {
  std::size_t max_depth = 32;                // nesting of arrays and objects
  std::size_t max_string_bytes = 16 * 1024;  // any one string value or key
};

// Fields a client may never set: the server owns them.
inline constexpr std::string_view kServerOwnedFields[] = {
    "id", "version", "created_at", "updated_at", "created_by", "updated_by", "deleted_at"};

// Parses a request body as one JSON value. Errors, all kInvalid: malformed JSON or nesting deeper
// than the limit (no field: 400, with the byte offset), invalid UTF-8 in the raw bytes or produced
// by \u escapes such as lone surrogates (400), a string or key over the length limit or holding a
// control character other than tab, line feed and carriage return (U+0000, C0, DEL, C1) (field =
// its path: 422). Never throws.
core::Result<boost::json::value> parse_json(std::string_view body, const JsonLimits& limits = {});

// parse_json, then requires an object at the top level (kInvalid without field otherwise).
core::Result<boost::json::object> parse_json_object(std::string_view body,
                                                    const JsonLimits& limits = {});

// The JSON Pointer (RFC 6901, without the leading '/') of a child ("emails/1/address"); '~' and
// '/' in keys are escaped as "~0" and "~1".
std::string child_path(std::string_view parent, std::string_view key);
std::string child_path(std::string_view parent, std::size_t index);

enum class Need { kOptional, kRequired };

// Reads fields of one JSON object, collecting an error per bad field instead of stopping at the
// first. Readers made with nested() share the same error list, so a whole document's errors come
// back together from finish(). A getter returns nullopt (or nullptr) when the field is absent,
// null or of the wrong type; the last two, and absence when required, record an error.
class ObjectReader {
 public:
  explicit ObjectReader(const boost::json::object& object, std::string path = {});

  // Records an error for every key not in `allowed`: "unknown field", or for a key in
  // kServerOwnedFields "is set by the server and cannot be written".
  ObjectReader& allow_only(std::initializer_list<std::string_view> allowed);

  bool has(std::string_view key) const;      // present, possibly null
  bool is_null(std::string_view key) const;  // present and null (PATCH: clear the field)

  std::optional<std::string> string(std::string_view key, Need need = Need::kOptional);
  std::optional<std::int64_t> integer(std::string_view key, Need need = Need::kOptional);
  std::optional<bool> boolean(std::string_view key, Need need = Need::kOptional);
  const boost::json::array* array(std::string_view key, Need need = Need::kOptional);
  const boost::json::object* object(std::string_view key, Need need = Need::kOptional);

  // A reader for a nested object at `relative_path` below this one, sharing the error list.
  ObjectReader nested(const boost::json::object& object, std::string_view relative_path) const;

  // Records an error for `key` below this reader's path.
  void fail(std::string_view key, std::string message);
  // Records an error at `pointer` below this reader's path: a relative JSON Pointer already
  // escaped, as child_path makes ("tags/0"), which fail() would escape again ("tags~10").
  void fail_at(std::string_view pointer, std::string message);
  const std::string& path() const { return path_; }

  // ok when no error was recorded; otherwise kInvalid "invalid fields" with every field error.
  core::Status finish() const;

 private:
  ObjectReader(const boost::json::object& object, std::string path,
               std::shared_ptr<std::vector<core::FieldError>> errors);
  const boost::json::value* field(std::string_view key, Need need);

  const boost::json::object* object_;
  std::string path_;
  std::shared_ptr<std::vector<core::FieldError>> errors_;
};

}  // namespace rapport::http
