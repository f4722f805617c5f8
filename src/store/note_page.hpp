// Keyset paging of a record's notes, newest first, shared by both engines: checking a page
// request and making the cursor of the next page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/note.hpp"
#include "core/result.hpp"

namespace rapport::store {

// Where a page of notes starts: at the newest note, or below the last note of the page before.
struct NoteKeyset {
  bool first = true;
  std::int64_t created_at = 0;  // milliseconds since the epoch
  core::Id id = 0;
};

// Checks `limit` (1..kMaxPageSize) and the cursor `after` (empty: the first page). kInvalid on
// "limit" or "after" otherwise.
core::Result<NoteKeyset> note_keyset(int limit, const std::string& after);

// The cursor of the page that follows `last`.
std::string note_cursor(const core::Note& last);

// The cursor of the notes below the position (created_at in milliseconds since the epoch, id):
// those created earlier, or at the same time with a smaller id.
std::string note_cursor_below(std::int64_t created_at, core::Id id);

}  // namespace rapport::store
