// A record's timeline as a use case: its notes, its audited changes and the activities linked to
// it merged newest first, for anyone who may read the record. The audit log as a whole is for
// admins (/api/v1/audit); the history of one record belongs with the record, as users of every CRM
// expect it to.
#pragma once

#include <string>

#include "core/ids.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/timeline_merge.hpp"
#include "services/unit_of_work.hpp"

namespace rapport::services {

class TimelineService {
 public:
  explicit TimelineService(UnitOfWork& records) : records_(records) {}

  // A page of the timeline of record `id` of `kind` (live or in the trash), newest first, at
  // most `limit` items below the cursor `after` (empty: from the newest). Notes are on it when
  // the caller may read notes; activities, those within the caller's read scope for activities.
  // kInvalid on "limit" or "after"; kNotFound when the kind has no timeline, or the record is
  // absent (erased) or outside the caller's read scope.
  core::Result<TimelinePage> page(const Caller& caller, core::RecordKind kind, core::Id id,
                                  int limit, const std::string& after);

 private:
  UnitOfWork& records_;
};

}  // namespace rapport::services
