// Reading plain query parameters; id-keyset cursors are store cursors on field "id"
// tagged with the resource, so one resource's cursor cannot page another.
#include "http/route_params.hpp"

#include <algorithm>
#include <charconv>

#include "core/list_query.hpp"
#include "core/timestamp.hpp"
#include "http/query_string.hpp"
#include "store/cursor.hpp"

namespace rapport::http {
namespace {

constexpr std::size_t kMaxCursorBytes = 512;

std::optional<std::int64_t> positive(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value <= 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

core::Result<QueryParams> QueryParams::parse(const Request& request,
                                             std::initializer_list<std::string_view> allowed) {
  RAPPORT_ASSIGN_OR_RETURN(auto decoded, decode_query(request.query));
  QueryParams params;
  for (auto& p : decoded) {
    if (std::find(allowed.begin(), allowed.end(), p.name) == allowed.end()) {
      return core::Error::field(p.name, "unknown parameter");
    }
    if (params.values_.contains(p.name)) {
      return core::Error::field(p.name, "given more than once");
    }
    params.values_.emplace(std::move(p.name), std::move(p.value));
  }
  return params;
}

std::optional<std::string> QueryParams::text(std::string_view name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

core::Result<std::optional<std::int64_t>> QueryParams::id(std::string_view name) const {
  const auto value = text(name);
  if (!value) return std::optional<std::int64_t>();
  const auto parsed = positive(*value);
  if (!parsed) return core::Error::field(std::string(name), "must be a positive id");
  return parsed;
}

core::Result<std::optional<std::chrono::sys_seconds>> QueryParams::time(
    std::string_view name) const {
  const auto value = text(name);
  if (!value) return std::optional<std::chrono::sys_seconds>();
  auto parsed = core::parse_timestamp(*value);
  if (!parsed.ok()) {
    return core::Error::field(std::string(name),
                              "must be an RFC 3339 time such as 2024-05-01T12:30:00Z");
  }
  return std::optional(std::chrono::floor<std::chrono::seconds>(*parsed));
}

core::Result<int> QueryParams::limit() const {
  const auto value = text("limit");
  if (!value) return core::kDefaultPageSize;
  const auto parsed = positive(*value);
  if (!parsed || *parsed > core::kMaxPageSize) {
    return core::Error::field("limit", "must be from 1 to " + std::to_string(core::kMaxPageSize));
  }
  return static_cast<int>(*parsed);
}

core::Result<std::optional<std::int64_t>> QueryParams::after(std::string_view resource) const {
  const auto value = text("after");
  if (!value) return std::optional<std::int64_t>();
  const auto bad = core::Error::field("after", "is not a cursor from this list");
  if (value->size() > kMaxCursorBytes) return bad;
  auto cursor = store::decode_cursor(*value);
  if (!cursor.ok() || cursor->field != resource || cursor->id <= 0) return bad;
  return std::optional(cursor->id);
}

std::string id_cursor(std::string_view resource, std::optional<std::int64_t> next) {
  if (!next) return {};
  return store::encode_cursor({std::string(resource), false, *next, *next});
}

}  // namespace rapport::http
