// The upgrade step that rebuilds the derived rows and columns of every stored record (search
// text, places, name sort keys, language and time zone columns, custom sort keys).
#pragma once

#include <array>
#include <cstdint>

#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "services/unit_of_work.hpp"

namespace rapport::services {

// How many records of each kind were rebuilt.
struct Reindexed {
  std::array<std::int64_t, core::kRecordKinds.size()> counts{};
  std::int64_t& of(core::RecordKind kind) { return counts[static_cast<std::size_t>(kind)]; }
  std::int64_t of(core::RecordKind kind) const { return counts[static_cast<std::size_t>(kind)]; }
  std::int64_t total() const;
};

// Runs when the database carries the mark a migration set (`upgrade:reindex_contacts`) or when
// the collation version recorded in settings is not the running ICU's (core/collation): a new
// ICU may order some text differently, and stored sort keys must follow it or keyset pages would
// skip and repeat rows. Rebuilds every record of every kind, live and in the trash, then removes
// the mark and records the version. One write transaction: on an error nothing changes.
// Returns how many were rebuilt (none at once when nothing is due).
core::Result<Reindexed> reindex_stored_records(UnitOfWork& records);

}  // namespace rapport::services
