// Links between records in SQLite's record_links table.
#include "store/sqlite/sqlite_links.hpp"

#include <set>
#include <string>
#include <unordered_map>

#include "store/record_errors.hpp"

namespace rapport::store::sqlite {

namespace {

// `ids` as a JSON array, which json_each() turns into rows: one statement text (prepared once)
// whatever the number of ids.
template <class Range, class Id>
std::string json_ids(const Range& items, Id id_of) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id_of(item));
  }
  return out + "]";
}

}  // namespace

core::Status check_links(SqliteConnection& conn, const RecordRow& row) {
  const auto fields = link_fields(row.kind);
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const std::vector<RowLink>& links = row.links[f];
    if (links.empty()) continue;
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s,
        conn.prepare("SELECT id FROM " + std::string(core::describe(fields[f]->target).table) +
                     " WHERE id IN (SELECT value FROM json_each(?1))"));
    s.bind(1, json_ids(links, [](const RowLink& l) { return l.id; }));
    std::set<core::Id> found;
    for (;;) {
      RAPPORT_ASSIGN_OR_RETURN(bool more, s.step());
      if (!more) break;
      found.insert(s.int64_at(0));
    }
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (!found.contains(links[i].id)) return missing_link(*fields[f], i);
    }
  }
  return {};
}

core::Status write_links(SqliteConnection& conn, const RecordRow& row, bool fresh) {
  const std::string_view kind = core::to_string(row.kind);
  const auto fields = link_fields(row.kind);
  if (!fresh && !fields.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(
        Statement d,
        conn.prepare("DELETE FROM record_links WHERE from_kind = ?1 AND from_id = ?2"));
    RAPPORT_TRY(d.bind(1, kind).bind(2, row.id).run());
  }
  for (std::size_t f = 0; f < fields.size(); ++f) {
    for (std::size_t i = 0; i < row.links[f].size(); ++i) {
      const RowLink& link = row.links[f][i];
      RAPPORT_ASSIGN_OR_RETURN(
          Statement s,
          conn.prepare("INSERT INTO record_links (from_kind, from_id, role, to_kind, to_id, "
                       "position, job_title) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
      s.bind(1, kind).bind(2, row.id).bind(3, fields[f]->name);
      s.bind(4, core::to_string(fields[f]->target)).bind(5, link.id);
      RAPPORT_TRY(s.bind(6, static_cast<std::int64_t>(i)).bind(7, link.title).run());
    }
  }
  return {};
}

core::Status read_links(SqliteConnection& conn, std::span<RecordRow> rows) {
  if (rows.empty() || link_fields(rows.front().kind).empty()) return {};
  const auto fields = link_fields(rows.front().kind);
  std::unordered_map<core::Id, RecordRow*> by_id;
  for (RecordRow& r : rows) by_id[r.id] = &r;
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn.prepare("SELECT from_id, role, to_id, job_title FROM record_links WHERE from_kind = ?1 "
                   "AND from_id IN (SELECT value FROM json_each(?2)) ORDER BY from_id, role, "
                   "position"));
  s.bind(1, core::to_string(rows.front().kind));
  s.bind(2, json_ids(rows, [](const RecordRow& r) { return r.id; }));
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool more, s.step());
    if (!more) return {};
    const std::string role = s.text_at(1);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (fields[f]->name == role) {
        by_id.at(s.int64_at(0))->links[f].push_back({s.int64_at(2), s.text_at(3)});
      }
    }
  }
}

core::Status erase_links(SqliteConnection& conn, core::RecordKind kind, core::Id id) {
  // One statement per end, each served by its own index.
  for (std::string_view sql : {"DELETE FROM record_links WHERE from_kind = ?1 AND from_id = ?2",
                               "DELETE FROM record_links WHERE to_kind = ?1 AND to_id = ?2"}) {
    RAPPORT_ASSIGN_OR_RETURN(Statement s, conn.prepare(sql));
    RAPPORT_TRY(s.bind(1, core::to_string(kind)).bind(2, id).run());
  }
  return {};
}

}  // namespace rapport::store::sqlite
