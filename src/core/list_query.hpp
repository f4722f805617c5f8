// What a list request asks for: filters, sort, page size and the keyset cursor. The http layer
// parses it from the query string; the store maps field names through a fixed allowlist.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rapport::core {

enum class FilterOp { kEq, kNe, kLt, kGt, kIn, kContains, kEmpty };

inline constexpr std::array kFilterOps{FilterOp::kEq,   FilterOp::kNe, FilterOp::kLt,
                                       FilterOp::kGt,   FilterOp::kIn, FilterOp::kContains,
                                       FilterOp::kEmpty};

// One condition on a field. `field` is a standard field name ("lifecycle_stage", "owner_id",
// "created_at", "tags", …) or "custom.<key>" for a custom field; the store rejects any other.
// `values` holds one operand (several for kIn; for kEmpty, "true" or "false").
struct Filter {
  std::string field;
  FilterOp op = FilterOp::kEq;
  std::vector<std::string> values;
  bool operator==(const Filter&) const = default;
};

struct SortKey {
  std::string field;  // an indexed field from the store's allowlist; ties broken by id
  bool descending = false;
  bool operator==(const SortKey&) const = default;
};

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

struct ListQuery {
  std::vector<Filter> filters;    // all must hold
  std::optional<SortKey> sort;    // unset: the resource's default order
  std::string search;             // `q`: free-text search, empty for none
  int limit = kDefaultPageSize;   // 1..kMaxPageSize
  std::string after;              // opaque cursor from a previous page's `next`, empty for first
  bool operator==(const ListQuery&) const = default;
};

}  // namespace rapport::core
