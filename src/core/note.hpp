// A note on the timeline of one contact or company: dated text with its author, kept as a record
// of its own so that each entry can be edited by whoever wrote it and found by search.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/record_meta.hpp"
#include "core/result.hpp"

namespace rapport::core {

inline constexpr std::size_t kMaxNoteBytes = 100000;

struct Note {
  Id id = 0;  // 0 until stored
  // The record the note is on: exactly one of the two is set.
  std::optional<Id> contact_id;
  std::optional<Id> company_id;
  std::string body;  // stored as written; line breaks kept
  RecordMeta meta;   // created_by is the author; notes are deleted outright, never trashed
  bool operator==(const Note&) const = default;
};

// The record a note belongs to, as lists and erasure name it.
struct NoteParent {
  enum class Kind { kContact, kCompany };
  Kind kind = Kind::kContact;
  Id id = 0;
  static NoteParent contact(Id id) { return {Kind::kContact, id}; }
  static NoteParent company(Id id) { return {Kind::kCompany, id}; }
  bool operator==(const NoteParent&) const = default;
};

// The parent of a note that passed validate().
NoteParent parent_of(const Note& note);

// Checks a note: exactly one of contact_id / company_id, a positive id; a body that is not blank,
// valid UTF-8, at most kMaxNoteBytes and without NUL. Returns ok, or kInvalid with every field
// error ("contact_id", "body", …).
Status validate(const Note& note);

}  // namespace rapport::core
