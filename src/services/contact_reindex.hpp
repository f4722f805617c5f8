// The upgrade step that indexes the contacts stored before cities and countries were indexed
// (search text and filter[city] / filter[country] rows).
#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "services/unit_of_work.hpp"

namespace rapport::services {

// While the database carries the mark that migration 0005 set, rebuilds the index rows of every
// contact, live and in the trash, and removes the mark; returns how many were indexed (0 at once
// when the mark is absent). One write transaction: on an error nothing changes and the mark stays.
core::Result<std::int64_t> reindex_stored_contacts(UnitOfWork& records);

}  // namespace rapport::services
