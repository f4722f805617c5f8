// Links between records in PostgreSQL's record_links table.
#include "store/postgres/pg_links.hpp"

#include <optional>
#include <set>
#include <string>

#include <boost/json.hpp>

#include "store/postgres/pg_array.hpp"
#include "store/record_errors.hpp"

namespace rapport::store::postgres {

namespace {

// `items`' ids as a bigint[] literal: one parameter and one statement text whatever their count.
template <class Range, class IdOf>
std::string id_array(const Range& items, IdOf id_of) {
  std::vector<std::optional<std::string>> ids;
  for (const auto& item : items) ids.emplace_back(std::to_string(id_of(item)));
  return array_literal(ids);
}

}  // namespace

core::Status check_links(PgConnection& conn, const RecordRow& row) {
  const auto fields = link_fields(row.kind);
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const std::vector<RowLink>& links = row.links[f];
    if (links.empty()) continue;
    RAPPORT_ASSIGN_OR_RETURN(
        PgResult rows,
        conn.exec("SELECT id FROM " + std::string(core::describe(fields[f]->target).table) +
                      " WHERE id = ANY($1::bigint[]) FOR KEY SHARE",
                  {id_array(links, [](const RowLink& l) { return l.id; })}));
    std::set<core::Id> found;
    for (int r = 0; r < rows.rows(); ++r) found.insert(rows.int64(r, 0));
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (!found.contains(links[i].id)) return missing_link(*fields[f], i);
    }
  }
  return core::ok_status();
}

core::Status write_links(PgConnection& conn, const RecordRow& row, bool fresh) {
  const std::string_view kind = core::to_string(row.kind);
  const auto fields = link_fields(row.kind);
  if (!fresh && !fields.empty()) {
    RAPPORT_TRY(conn.exec("DELETE FROM record_links WHERE from_kind = $1 AND from_id = $2",
                          {kind, row.id}));
  }
  for (std::size_t f = 0; f < fields.size(); ++f) {
    if (row.links[f].empty()) continue;
    std::vector<std::optional<std::string>> titles;
    for (const RowLink& link : row.links[f]) titles.emplace_back(link.title);
    RAPPORT_TRY(conn.exec(
        "INSERT INTO record_links (from_kind, from_id, role, to_kind, to_id, position, job_title)"
        " SELECT $1, $2, $3, $4, t, (n - 1)::integer, j"
        " FROM unnest($5::bigint[], $6::text[]) WITH ORDINALITY AS x(t, j, n)",
        {kind, row.id, fields[f]->name, core::to_string(fields[f]->target),
         id_array(row.links[f], [](const RowLink& l) { return l.id; }), array_literal(titles)}));
  }
  return core::ok_status();
}

std::string links_column(core::RecordKind kind) {
  if (link_fields(kind).empty()) return "NULL";
  // The kind's name is one of this program's literals, never input.
  return "(SELECT json_agg(json_build_array(l.role, l.to_id, l.job_title)"
         " ORDER BY l.role, l.position) FROM record_links l WHERE l.from_kind = '" +
         std::string(core::to_string(kind)) + "' AND l.from_id = t.id)";
}

core::Status parse_links(RecordRow& row, std::string_view json) {
  if (json.empty()) return core::ok_status();
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_array()) return core::Error::internal("unreadable links column");
  const auto fields = link_fields(row.kind);
  for (const boost::json::value& link : parsed.get_array()) {
    const boost::json::array* parts = link.if_array();
    if (parts == nullptr || parts->size() != 3 || !(*parts)[0].is_string() ||
        !(*parts)[1].is_int64() || !(*parts)[2].is_string()) {
      return core::Error::internal("unreadable link in the links column");
    }
    const std::string_view role = (*parts)[0].get_string();
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (fields[f]->name == role) {
        row.links[f].push_back({(*parts)[1].get_int64(), std::string((*parts)[2].get_string())});
      }
    }
  }
  return core::ok_status();
}

core::Status erase_links(PgConnection& conn, core::RecordKind kind, core::Id id) {
  // One statement per end, each served by its own index.
  RAPPORT_TRY(conn.exec("DELETE FROM record_links WHERE from_kind = $1 AND from_id = $2",
                        {core::to_string(kind), id}));
  RAPPORT_TRY(conn.exec("DELETE FROM record_links WHERE to_kind = $1 AND to_id = $2",
                        {core::to_string(kind), id}));
  return core::ok_status();
}

}  // namespace rapport::store::postgres
