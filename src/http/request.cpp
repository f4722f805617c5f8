// Accessors that turn raw request parts into checked values.
#include "http/request.hpp"

#include <charconv>

#include "http/query_string.hpp"

namespace rapport::http {
namespace {

std::optional<std::int64_t> parse_positive(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

std::string_view Request::path_param(std::string_view name) const {
  for (const auto& [n, v] : path_params) {
    if (n == name) return v;
  }
  return {};
}

core::Result<std::int64_t> Request::id_param(std::string_view name) const {
  const auto value = parse_positive(path_param(name));
  if (!value)
    return core::Error::not_found("no record has id '" + std::string(path_param(name)) + "'");
  return *value;
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  const auto it = headers.find(name);
  if (it == headers.end()) return std::nullopt;
  return std::string_view(it->value().data(), it->value().size());
}

core::Result<std::optional<std::string>> Request::query_param(std::string_view name) const {
  RAPPORT_ASSIGN_OR_RETURN(const std::vector<QueryParam> params, decode_query(query));
  std::optional<std::string> found;
  for (const auto& p : params) {
    if (p.name != name) continue;
    if (found) return core::Error::field(std::string(name), "given more than once");
    found = p.value;
  }
  return found;
}

core::Result<std::optional<std::int64_t>> Request::if_match_version() const {
  const auto value = header("If-Match");
  if (!value || *value == "*") return std::optional<std::int64_t>();
  const std::string_view v = *value;
  if (v.size() < 2 || v.front() != '"' || v.back() != '"' ||
      v.substr(1, v.size() - 2).find('"') != std::string_view::npos) {
    return core::Error::field("If-Match", "must be one strong entity tag, e.g. \"3\"");
  }
  const auto version = parse_positive(v.substr(1, v.size() - 2));
  if (!version) return core::Error::stale("If-Match names a version this server never issued");
  return std::optional<std::int64_t>(*version);
}

}  // namespace rapport::http
