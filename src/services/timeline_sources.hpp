// The sources of a record's timeline inside one read: its notes and the activities linked to it
// (from the customer store) and its audited changes (from the audit log). Each reads below a
// timeline position in the order of the store's own keyset, which is the timeline's order for its
// type.
#pragma once

#include <string>

#include "core/ids.hpp"
#include "core/note.hpp"
#include "services/timeline_merge.hpp"
#include "store/identity_store.hpp"
#include "store/store.hpp"

namespace rapport::services {

// The notes on `parent`, keyed by (created_at, kNote, note id).
class NoteSource final : public TimelineSource {
 public:
  NoteSource(store::CustomerTx& customers, core::NoteParent parent)
      : customers_(customers), parent_(parent) {}
  core::Result<TimelineSlice> read(const std::optional<TimelineKey>& below, int limit) override;

 private:
  store::CustomerTx& customers_;
  core::NoteParent parent_;
};

// The audit entries about record `id` of `object_type` ("contacts"), keyed by (at, kChange,
// entry id). A note's creation is left out: the note itself is on the timeline; later edits and
// the deletion of a note are changes of the record's history like any other.
class ChangeSource final : public TimelineSource {
 public:
  ChangeSource(store::IdentityTx& identity, std::string object_type, core::Id id)
      : identity_(identity), object_type_(std::move(object_type)), id_(id) {}
  core::Result<TimelineSlice> read(const std::optional<TimelineKey>& below, int limit) override;

 private:
  store::IdentityTx& identity_;
  std::string object_type_;
  core::Id id_;
};

// The live activities that link to the record through `link_field` (an activity's contact_ids
// or company_ids) within `scope`, keyed by (created_at, kActivity, activity id): when each was
// logged.
class ActivitySource final : public TimelineSource {
 public:
  ActivitySource(store::CustomerTx& customers, store::RecordScope scope, std::string link_field,
                 core::Id id)
      : customers_(customers),
        scope_(std::move(scope)),
        link_field_(std::move(link_field)),
        id_(id) {}
  core::Result<TimelineSlice> read(const std::optional<TimelineKey>& below, int limit) override;

 private:
  store::CustomerTx& customers_;
  store::RecordScope scope_;
  std::string link_field_;
  core::Id id_;
};

}  // namespace rapport::services
