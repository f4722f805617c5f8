// A note on the timeline of one record (a contact, a company, later any kind with a timeline):
// dated text with its author, kept as a record of its own so that each entry can be edited by
// whoever wrote it and found by search.
#pragma once

#include <cstddef>
#include <string>

#include "core/ids.hpp"
#include "core/record_kind.hpp"
#include "core/record_meta.hpp"
#include "core/result.hpp"

namespace rapport::core {

inline constexpr std::size_t kMaxNoteBytes = 100000;

// The record a note is on, as the notes table keys it: (parent_kind, parent_id).
struct NoteParent {
  RecordKind kind = RecordKind::kContact;
  Id id = 0;
  bool operator==(const NoteParent&) const = default;
};

struct Note {
  Id id = 0;  // 0 until stored
  NoteParent parent;
  std::string body;  // stored as written; line breaks kept
  RecordMeta meta;   // created_by is the author; notes are deleted outright, never trashed
  bool operator==(const Note&) const = default;
};

// Checks a note: a parent with a positive id; a body that is not blank, valid UTF-8, at most
// kMaxNoteBytes and without NUL. Returns ok, or kInvalid with every field error ("parent_id",
// "body").
Status validate(const Note& note);

}  // namespace rapport::core
