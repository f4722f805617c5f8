// Notes in PostgreSQL: rows in `notes` keyed by (parent_kind, parent_id), each write rebuilding
// the search text of the note's parent. A write first locks the parent's row, so that concurrent
// writes to one record's notes take turns and each rebuilt search text holds every committed note.
#include <algorithm>
#include <string>

#include "core/kind_descriptor.hpp"
#include "store/note_page.hpp"
#include "store/postgres/pg_customer_store.hpp"

namespace rapport::store::postgres {

namespace {

constexpr std::string_view kColumns =
    "id, parent_kind, parent_id, body, version, created_at, created_by, updated_at, updated_by";

core::Result<core::Note> note_at(const PgResult& rows, int row) {
  core::Note n;
  n.id = rows.int64(row, 0);
  RAPPORT_ASSIGN_OR_RETURN(n.parent.kind,
                           core::parse_record_kind(rows.text(row, 1), "parent_kind"));
  n.parent.id = rows.int64(row, 2);
  n.body = std::string(rows.text(row, 3));
  n.meta.version = rows.int64(row, 4);
  n.meta.created_at = core::from_millis(rows.int64(row, 5));
  n.meta.created_by = rows.optional_int64(row, 6);
  n.meta.updated_at = core::from_millis(rows.int64(row, 7));
  n.meta.updated_by = rows.optional_int64(row, 8);
  return n;
}

// Locks the parent record's row for this transaction; kNotFound when it does not exist (the
// notes table has no foreign key to check it, as its parent may be of any kind).
core::Status lock_parent(PgConnection& conn, const core::NoteParent& parent) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn.exec("SELECT 1 FROM " + std::string(core::describe(parent.kind).table) +
                                   " WHERE id = $1 FOR UPDATE",
                               {parent.id}));
  if (rows.rows() == 0) {
    return core::Error::not_found("no such " + std::string(core::to_string(parent.kind)));
  }
  return core::ok_status();
}

// Locks note `id` and its parent, and checks the note's version. Returns the note as it is.
core::Result<core::Note> lock_for_write(PgConnection& conn, core::Id id,
                                        std::int64_t expected_version) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn.exec("SELECT " + std::string(kColumns) + " FROM notes WHERE id = $1", {id}));
  if (rows.rows() == 0) return core::Error::not_found("no such note");
  RAPPORT_ASSIGN_OR_RETURN(core::Note current, note_at(rows, 0));
  RAPPORT_TRY(lock_parent(conn, current.parent));
  RAPPORT_ASSIGN_OR_RETURN(PgResult locked,
                           conn.exec("SELECT version FROM notes WHERE id = $1 FOR UPDATE", {id}));
  if (locked.rows() == 0) return core::Error::not_found("no such note");
  if (locked.int64(0, 0) != expected_version) {
    return core::Error::stale("the note was changed by someone else (version " +
                              std::to_string(locked.int64(0, 0)) + ", not " +
                              std::to_string(expected_version) + ")");
  }
  return current;
}

}  // namespace

core::Result<std::vector<std::string>> note_bodies(PgConnection& conn,
                                                   const core::NoteParent& parent) {
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows,
                           conn.exec("SELECT body FROM notes WHERE parent_kind = $1 AND"
                                     " parent_id = $2 ORDER BY created_at, id",
                                     {std::string(core::to_string(parent.kind)), parent.id}));
  std::vector<std::string> bodies;
  bodies.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) bodies.emplace_back(rows.text(row, 0));
  return bodies;
}

core::Result<core::Note> PgCustomerTx::create_note(const core::Note& note, const Stamp& stamp) {
  RAPPORT_TRY(lock_parent(conn_, note.parent));
  std::int64_t now = core::to_millis(stamp.now);
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("INSERT INTO notes (parent_kind, parent_id, body, version, created_at,"
                 " created_by, updated_at, updated_by) VALUES ($1, $2, $3, 1, $4, $5, $4, $5)"
                 " RETURNING id",
                 {std::string(core::to_string(note.parent.kind)), note.parent.id, note.body, now,
                  stamp.actor}));
  core::Note stored = note;
  stored.id = rows.int64(0, 0);
  stored.meta = core::RecordMeta{1, stamp.now, stamp.actor, stamp.now, stamp.actor, std::nullopt};
  RAPPORT_TRY(reindex(note.parent.kind, note.parent.id));
  return stored;
}

core::Result<core::Note> PgCustomerTx::get_note(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT " + std::string(kColumns) + " FROM notes WHERE id = $1", {id}));
  if (rows.rows() == 0) return core::Error::not_found("no such note");
  return note_at(rows, 0);
}

core::Result<core::Note> PgCustomerTx::update_note(const core::Note& note, const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(core::Note current, lock_for_write(conn_, note.id, note.meta.version));
  RAPPORT_TRY(conn_.exec(
      "UPDATE notes SET body = $2, version = version + 1, updated_at = $3, updated_by = $4"
      " WHERE id = $1",
      {note.id, note.body, core::to_millis(stamp.now), stamp.actor}));
  RAPPORT_TRY(reindex(current.parent.kind, current.parent.id));
  return get_note(note.id);
}

core::Status PgCustomerTx::delete_note(core::Id id, std::int64_t expected_version) {
  RAPPORT_ASSIGN_OR_RETURN(core::Note current, lock_for_write(conn_, id, expected_version));
  RAPPORT_TRY(conn_.exec("DELETE FROM notes WHERE id = $1", {id}));
  return reindex(current.parent.kind, current.parent.id);
}

core::Result<Page<core::Note>> PgCustomerTx::list_notes(const core::NoteParent& parent, int limit,
                                                        const std::string& after) {
  RAPPORT_ASSIGN_OR_RETURN(NoteKeyset keyset, note_keyset(limit, after));
  const std::string kind(core::to_string(parent.kind));
  std::string sql =
      "SELECT " + std::string(kColumns) + " FROM notes WHERE parent_kind = $1 AND parent_id = $2";
  if (!keyset.first) sql += " AND (created_at, id) < ($4, $5)";
  sql += " ORDER BY created_at DESC, id DESC LIMIT $3";
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, keyset.first ? conn_.exec(sql, {kind, parent.id, std::int64_t{limit} + 1})
                                  : conn_.exec(sql, {kind, parent.id, std::int64_t{limit} + 1,
                                                     keyset.created_at, keyset.id}));
  Page<core::Note> page;
  int count = std::min(rows.rows(), limit);
  page.items.reserve(count);
  for (int row = 0; row < count; ++row) {
    RAPPORT_ASSIGN_OR_RETURN(core::Note note, note_at(rows, row));
    page.items.push_back(std::move(note));
  }
  if (rows.rows() > limit) page.next = note_cursor(page.items.back());
  return page;
}

core::Status PgCustomerTx::erase_notes(const core::NoteParent& parent) {
  RAPPORT_TRY(conn_.exec("DELETE FROM notes WHERE parent_kind = $1 AND parent_id = $2",
                         {std::string(core::to_string(parent.kind)), parent.id}));
  return core::ok_status();
}

}  // namespace rapport::store::postgres
