// The note operations of SqliteCustomerTx: rows in `notes` keyed by (parent_kind, parent_id),
// each write rebuilding the search text of the note's parent.
#include <string>

#include "core/kind_descriptor.hpp"
#include "store/note_page.hpp"
#include "store/sqlite/sqlite_customer_store.hpp"

namespace rapport::store::sqlite {

namespace {

constexpr std::string_view kColumns =
    "id, parent_kind, parent_id, body, version, created_at, created_by, updated_at, updated_by";

core::Result<core::Note> read_note(const Statement& s) {
  core::Note n;
  n.id = s.int64_at(0);
  RAPPORT_ASSIGN_OR_RETURN(n.parent.kind, core::parse_record_kind(s.text_at(1), "parent_kind"));
  n.parent.id = s.int64_at(2);
  n.body = s.text_at(3);
  n.meta.version = s.int64_at(4);
  n.meta.created_at = core::from_millis(s.int64_at(5));
  n.meta.created_by = s.optional_int64_at(6);
  n.meta.updated_at = core::from_millis(s.int64_at(7));
  n.meta.updated_by = s.optional_int64_at(8);
  return n;
}

// kNotFound when the parent record does not exist (live or in the trash): the notes table has
// no foreign key to check it, as its parent may be of any kind.
core::Status check_parent(SqliteConnection& conn, const core::NoteParent& parent) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn.prepare("SELECT 1 FROM " + std::string(core::describe(parent.kind).table) +
                                " WHERE id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, parent.id).step());
  if (!row) return core::Error::not_found("no such " + std::string(core::to_string(parent.kind)));
  return {};
}

// Why a versioned write of note `id` changed no row: kNotFound or kStale.
core::Error unchanged_note(SqliteConnection& conn, core::Id id, std::int64_t expected_version) {
  auto s = conn.prepare("SELECT version FROM notes WHERE id = ?1");
  if (!s.ok()) return std::move(s).error();
  auto row = s->bind(1, id).step();
  if (!row.ok()) return std::move(row).error();
  if (!*row) return core::Error::not_found("no such note");
  return core::Error::stale("the note was changed by someone else (version " +
                            std::to_string(s->int64_at(0)) + ", not " +
                            std::to_string(expected_version) + ")");
}

}  // namespace

core::Result<core::Note> SqliteCustomerTx::create_note(const core::Note& n, const Stamp& stamp) {
  RAPPORT_TRY(check_parent(conn_, n.parent));
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("INSERT INTO notes (parent_kind, parent_id, body, version, created_at, "
                    "created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?4, ?5)"));
  s.bind(1, core::to_string(n.parent.kind)).bind(2, n.parent.id);
  s.bind(3, std::string_view(n.body));
  RAPPORT_TRY(s.bind(4, core::to_millis(stamp.now)).bind(5, stamp.actor).run());
  core::Id id = conn_.last_insert_rowid();
  RAPPORT_TRY(reindex(n.parent.kind, n.parent.id));
  return get_note(id);
}

core::Result<core::Note> SqliteCustomerTx::get_note(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("SELECT " + std::string(kColumns) + " FROM notes WHERE id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id).step());
  if (!row) return core::Error::not_found("no such note");
  return read_note(s);
}

core::Result<core::Note> SqliteCustomerTx::update_note(const core::Note& n, const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("UPDATE notes SET body = ?2, version = version + 1, updated_at = ?3, "
                    "updated_by = ?4 WHERE id = ?1 AND version = ?5"));
  s.bind(1, n.id).bind(2, std::string_view(n.body)).bind(3, core::to_millis(stamp.now));
  RAPPORT_TRY(s.bind(4, stamp.actor).bind(5, n.meta.version).run());
  if (conn_.changes() == 0) return unchanged_note(conn_, n.id, n.meta.version);
  RAPPORT_ASSIGN_OR_RETURN(core::Note stored, get_note(n.id));
  RAPPORT_TRY(reindex(stored.parent.kind, stored.parent.id));
  return stored;
}

core::Status SqliteCustomerTx::delete_note(core::Id id, std::int64_t expected_version) {
  RAPPORT_ASSIGN_OR_RETURN(core::Note current, get_note(id));
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("DELETE FROM notes WHERE id = ?1 AND version = ?2"));
  RAPPORT_TRY(s.bind(1, id).bind(2, expected_version).run());
  if (conn_.changes() == 0) return unchanged_note(conn_, id, expected_version);
  return reindex(current.parent.kind, current.parent.id);
}

core::Result<Page<core::Note>> SqliteCustomerTx::list_notes(const core::NoteParent& parent,
                                                            int limit, const std::string& after) {
  RAPPORT_ASSIGN_OR_RETURN(NoteKeyset keyset, note_keyset(limit, after));
  std::string sql =
      "SELECT " + std::string(kColumns) + " FROM notes WHERE parent_kind = ?1 AND parent_id = ?2";
  if (!keyset.first) sql += " AND (created_at < ?4 OR (created_at = ?4 AND id < ?5))";
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?3";
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare(sql));
  s.bind(1, core::to_string(parent.kind)).bind(2, parent.id).bind(3, std::int64_t{limit} + 1);
  if (!keyset.first) s.bind(4, keyset.created_at).bind(5, keyset.id);
  Page<core::Note> page;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) break;
    if (static_cast<int>(page.items.size()) == limit) {
      page.next = note_cursor(page.items.back());
      break;
    }
    RAPPORT_ASSIGN_OR_RETURN(core::Note note, read_note(s));
    page.items.push_back(std::move(note));
  }
  return page;
}

core::Status SqliteCustomerTx::erase_notes(const core::NoteParent& parent) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("DELETE FROM notes WHERE parent_kind = ?1 AND parent_id = ?2"));
  return s.bind(1, core::to_string(parent.kind)).bind(2, parent.id).run();
}

core::Result<std::vector<std::string>> SqliteCustomerTx::note_bodies(
    const core::NoteParent& parent) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT body FROM notes WHERE parent_kind = ?1 AND "
                                         "parent_id = ?2 ORDER BY created_at, id"));
  s.bind(1, core::to_string(parent.kind)).bind(2, parent.id);
  std::vector<std::string> bodies;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return bodies;
    bodies.push_back(s.text_at(0));
  }
}

}  // namespace rapport::store::sqlite
