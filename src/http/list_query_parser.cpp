// Strict list query parsing with Boost.URL; every rejected parameter is named in the error.
#include "http/list_query_parser.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <string>

#include "core/kind_descriptor.hpp"
#include "http/query_string.hpp"
#include "http/utf8.hpp"

namespace rapport::http {
namespace {

constexpr std::size_t kMaxFieldName = 64;
constexpr std::size_t kMaxValueBytes = 1024;
constexpr std::size_t kMaxCursorBytes = 512;
constexpr std::size_t kMaxInValues = 100;
constexpr std::size_t kMaxFilters = 32;

bool is_word(std::string_view s) {
  return !s.empty() && s.size() <= kMaxFieldName && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool is_field_name(std::string_view s) {
  constexpr std::string_view kCustom = "custom.";
  if (s.starts_with(kCustom)) s.remove_prefix(kCustom.size());
  return is_word(s);
}

bool is_base64url(std::string_view s) {
  return !s.empty() && s.size() <= kMaxCursorBytes && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

// The operator a filter key names by its wire name (core::to_string, as /api/v1/meta lists it);
// eq is written without one (filter[field]=v), so [eq] is refused.
std::optional<core::FilterOp> op_named(std::string_view name) {
  for (core::FilterOp op : core::kFilterOps) {
    if (op != core::FilterOp::kEq && core::to_string(op) == name) return op;
  }
  return std::nullopt;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = s.find(',', start);
    out.emplace_back(s.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

core::Result<int> parse_limit(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
    return core::Error::field(
        "limit", "must be a whole number from 1 to " + std::to_string(core::kMaxPageSize));
  }
  if (ec == std::errc::result_out_of_range || value < 1 || value > core::kMaxPageSize) {
    return core::Error::field("limit", "must be from 1 to " + std::to_string(core::kMaxPageSize));
  }
  return value;
}

// "filter[field]" or "filter[field][op]" → the filter, values still to be filled.
core::Result<core::Filter> parse_filter_key(const std::string& key) {
  auto bad = [&](std::string message) { return core::Error::field(key, std::move(message)); };
  std::string_view rest = std::string_view(key).substr(std::string_view("filter[").size());
  const std::size_t close = rest.find(']');
  if (close == std::string_view::npos) return bad("expected filter[field] or filter[field][op]");
  core::Filter filter;
  filter.field = std::string(rest.substr(0, close));
  if (!is_field_name(filter.field)) return bad("not a field name");
  rest.remove_prefix(close + 1);
  if (rest.empty()) {
    filter.op = filter.field == "tags" ? core::FilterOp::kIn : core::FilterOp::kEq;
    return filter;
  }
  if (rest.front() != '[' || rest.back() != ']' || rest.size() < 3) {
    return bad("expected filter[field] or filter[field][op]");
  }
  const auto op = op_named(rest.substr(1, rest.size() - 2));
  if (!op) return bad("unknown operator; use ne, lt, gt, in, contains or empty");
  filter.op = *op;
  return filter;
}

core::Status fill_filter_values(core::Filter& filter, const std::string& key,
                                const std::string& value) {
  using core::FilterOp;
  if (filter.op == FilterOp::kEmpty) {
    if (value != "true" && value != "false")
      return core::Error::field(key, "must be true or false");
    filter.values = {value};
    return core::ok_status();
  }
  if (filter.op == FilterOp::kIn) {
    filter.values = split_list(value);
    if (filter.values.size() > kMaxInValues) {
      return core::Error::field(key, "at most " + std::to_string(kMaxInValues) + " values");
    }
    if (std::any_of(filter.values.begin(), filter.values.end(),
                    [](const std::string& v) { return v.empty(); })) {
      return core::Error::field(key, "has an empty item in its comma-separated list");
    }
    return core::ok_status();
  }
  if (value.empty()) return core::Error::field(key, "needs a value");
  filter.values = {value};
  return core::ok_status();
}

core::Status apply(core::ListQuery& query, const std::string& key, const std::string& value,
                   std::initializer_list<std::string_view> extra) {
  if (value.size() > kMaxValueBytes) {
    return core::Error::field(key, "longer than " + std::to_string(kMaxValueBytes) + " bytes");
  }
  if (find_invalid_utf8(value)) return core::Error::field(key, "is not valid UTF-8");
  if (key == "limit") {
    RAPPORT_ASSIGN_OR_RETURN(query.limit, parse_limit(value));
  } else if (key == "after") {
    if (!is_base64url(value))
      return core::Error::field(key, "is not a cursor from a previous page");
    query.after = value;
  } else if (key == "sort") {
    const bool descending = value.starts_with('-');
    const std::string field = descending ? value.substr(1) : value;
    if (!is_field_name(field)) {
      return core::Error::field(key, "must be one field name, '-' first for descending");
    }
    query.sort = core::SortKey{field, descending};
  } else if (key == "q") {
    query.search = value;
  } else if (key.starts_with("filter[")) {
    if (query.filters.size() >= kMaxFilters) {
      return core::Error::field(key, "at most " + std::to_string(kMaxFilters) + " filters");
    }
    RAPPORT_ASSIGN_OR_RETURN(core::Filter filter, parse_filter_key(key));
    RAPPORT_TRY(fill_filter_values(filter, key, value));
    query.filters.push_back(std::move(filter));
  } else if (std::find(extra.begin(), extra.end(), key) == extra.end()) {
    return core::Error::field(key, "unknown parameter");
  }
  return core::ok_status();
}

}  // namespace

core::Result<core::ListQuery> parse_list_query(std::string_view query_string,
                                               std::initializer_list<std::string_view> extra) {
  RAPPORT_ASSIGN_OR_RETURN(const std::vector<QueryParam> params, decode_query(query_string));
  core::ListQuery query;
  std::set<std::string> seen;
  for (const auto& p : params) {
    if (find_invalid_utf8(p.name) || p.name.size() > kMaxValueBytes) {
      return core::Error::invalid("a query parameter name is not valid UTF-8 or is too long");
    }
    if (!seen.insert(p.name).second) return core::Error::field(p.name, "given more than once");
    RAPPORT_TRY(apply(query, p.name, p.value, extra));
  }
  return query;
}

}  // namespace rapport::http
