// Note cursors: the created_at and id of the last note of a page, descending.
#include "store/note_page.hpp"

#include "core/list_query.hpp"
#include "core/timestamp.hpp"
#include "store/cursor.hpp"

namespace rapport::store {

namespace {

constexpr std::string_view kField = "created_at";

}  // namespace

core::Result<NoteKeyset> note_keyset(int limit, const std::string& after) {
  if (limit < 1 || limit > core::kMaxPageSize) {
    return core::Error::field("limit",
                              "must be between 1 and " + std::to_string(core::kMaxPageSize));
  }
  NoteKeyset keyset;
  if (after.empty()) return keyset;
  RAPPORT_ASSIGN_OR_RETURN(Cursor cursor, decode_cursor(after));
  const auto* created_at = std::get_if<std::int64_t>(&cursor.value);
  if (cursor.field != kField || !cursor.descending || created_at == nullptr) {
    return core::Error::field("after", "not a cursor from a previous page of notes");
  }
  keyset.first = false;
  keyset.created_at = *created_at;
  keyset.id = cursor.id;
  return keyset;
}

std::string note_cursor(const core::Note& last) {
  return note_cursor_below(core::to_millis(last.meta.created_at), last.id);
}

std::string note_cursor_below(std::int64_t created_at, core::Id id) {
  return encode_cursor(Cursor{std::string(kField), true, created_at, id});
}

}  // namespace rapport::store
