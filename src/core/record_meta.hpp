// The bookkeeping every mutable record carries: version for optimistic concurrency, who created
// and last changed it and when, and when it went to the trash.
#pragma once

#include <cstdint>
#include <optional>

#include "core/ids.hpp"
#include "core/timestamp.hpp"

namespace rapport::core {

struct RecordMeta {
  std::int64_t version = 0;  // 1 after create, +1 per update, trash and restore
  Timestamp created_at{};
  std::optional<Id> created_by;
  Timestamp updated_at{};
  std::optional<Id> updated_by;
  std::optional<Timestamp> deleted_at;  // set while in the trash
  bool operator==(const RecordMeta&) const = default;
};

}  // namespace rapport::core
