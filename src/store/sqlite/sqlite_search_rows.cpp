// Coalescing queued FTS5 rows per table and writing them with multi-row statements.
#include "store/sqlite/sqlite_search_rows.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "store/sqlite/sqlite_connection.hpp"

namespace rapport::store::sqlite {

namespace {

// Rows per statement: bounds the distinct statement texts the connection caches.
constexpr std::size_t kRowsPerStatement = 64;

// The final state of one row after every queued operation on it.
struct RowState {
  bool delete_first = false;  // a committed row may exist
  std::optional<std::string> body;
};

std::string placeholders(std::size_t rows, std::size_t per_row) {
  std::string out;
  int n = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    if (r > 0) out += ',';
    out += per_row == 1 ? "" : "(";
    for (std::size_t c = 0; c < per_row; ++c) {
      if (c > 0) out += ',';
      out += '?' + std::to_string(++n);
    }
    out += per_row == 1 ? "" : ")";
  }
  return out;
}

core::Status delete_rows(SqliteConnection& conn, const std::string& table,
                         const std::vector<core::Id>& ids) {
  for (std::size_t start = 0; start < ids.size(); start += kRowsPerStatement) {
    const std::size_t count = std::min(kRowsPerStatement, ids.size() - start);
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s,
        conn.prepare("DELETE FROM " + table + " WHERE rowid IN (" + placeholders(count, 1) + ")"));
    for (std::size_t i = 0; i < count; ++i) s.bind(static_cast<int>(i + 1), ids[start + i]);
    RAPPORT_TRY(s.run());
  }
  return {};
}

core::Status insert_rows(SqliteConnection& conn, const std::string& table,
                         const std::vector<std::pair<core::Id, const std::string*>>& rows) {
  for (std::size_t start = 0; start < rows.size(); start += kRowsPerStatement) {
    const std::size_t count = std::min(kRowsPerStatement, rows.size() - start);
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s,
        conn.prepare("INSERT INTO " + table + " (rowid, body) VALUES " + placeholders(count, 2)));
    for (std::size_t i = 0; i < count; ++i) {
      const auto& row = rows[start + i];
      s.bind(static_cast<int>(2 * i + 1), row.first);
      s.bind(static_cast<int>(2 * i + 2), std::string_view(*row.second));
    }
    RAPPORT_TRY(s.run());
  }
  return {};
}

}  // namespace

void SearchRowQueue::put(std::string_view table, core::Id rowid, std::string body, bool fresh) {
  ops_.push_back({std::string(table), rowid, std::move(body), fresh});
}

void SearchRowQueue::remove(std::string_view table, core::Id rowid) {
  ops_.push_back({std::string(table), rowid, std::nullopt, false});
}

core::Status SearchRowQueue::flush(SqliteConnection& conn) {
  if (ops_.empty()) return {};
  std::vector<Op> ops;
  ops.swap(ops_);
  std::map<std::string, std::map<core::Id, RowState>> tables;
  for (auto& op : ops) {
    auto& rows = tables[op.table];
    auto [it, first] = rows.try_emplace(op.rowid);
    if (first) it->second.delete_first = !op.fresh;
    it->second.body = std::move(op.body);
  }
  for (const auto& [table, rows] : tables) {
    std::vector<core::Id> deletes;
    std::vector<std::pair<core::Id, const std::string*>> inserts;
    for (const auto& [rowid, state] : rows) {
      if (state.delete_first) deletes.push_back(rowid);
      if (state.body) inserts.emplace_back(rowid, &*state.body);
    }
    RAPPORT_TRY(delete_rows(conn, table, deletes));
    RAPPORT_TRY(insert_rows(conn, table, inserts));
  }
  return {};
}

}  // namespace rapport::store::sqlite
