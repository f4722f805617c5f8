// Every row of every table of a test database as text, on either engine, so that a harness can
// show that a refused request changed nothing. Left out unless asked for (Volatile::kKept, for a
// harness whose clock stands still): sessions (every authenticated request may touch its
// last-seen time) and api_tokens.last_used_at (every bearer request records it).
// The search index tables (*_grams), derived from the records and thousands of rows long, are
// compared by their row counts only.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/postgres/pg_connection.hpp"

namespace rapport::reliability {

inline constexpr const char* kVolatileTable = "sessions";
inline constexpr const char* kVolatileColumn = "last_used_at";

enum class Volatile { kLeftOut, kKept };

inline bool is_index(const std::string& table) {
  return table.size() > 6 && table.compare(table.size() - 6, 6, "_grams") == 0;
}

// "table|col=value|…" for every row, sorted.
using Snapshot = std::vector<std::string>;

inline core::Result<Snapshot> sqlite_snapshot(const std::string& path,
                                              Volatile volatiles = Volatile::kLeftOut) {
  const bool keep = volatiles == Volatile::kKept;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return core::Error::unavailable("cannot open " + path);
  }
  auto rows_of = [db](const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const auto* text = sqlite3_column_text(stmt, i);
        row.emplace_back(std::string(sqlite3_column_name(stmt, i)) + "=" +
                         (text ? reinterpret_cast<const char*>(text) : "NULL"));
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return rows;
  };
  Snapshot out;
  for (const auto& table : rows_of("SELECT name FROM sqlite_master WHERE type = 'table'")) {
    const std::string name = table[0].substr(table[0].find('=') + 1);
    if (name == kVolatileTable && !keep) continue;
    if (is_index(name)) {
      out.push_back(name + "|" + rows_of("SELECT count(*) FROM \"" + name + "\"")[0][0]);
      continue;
    }
    for (const auto& row : rows_of("SELECT * FROM \"" + name + "\"")) {
      std::string line = name;
      for (const auto& cell : row) {
        if (keep || cell.rfind(std::string(kVolatileColumn) + "=", 0) != 0) line += "|" + cell;
      }
      out.push_back(std::move(line));
    }
  }
  sqlite3_close(db);
  std::sort(out.begin(), out.end());
  return out;
}

inline core::Result<Snapshot> postgres_snapshot(store::postgres::PgConnection& conn,
                                                Volatile volatiles = Volatile::kLeftOut) {
  const bool keep = volatiles == Volatile::kKept;
  RAPPORT_ASSIGN_OR_RETURN(
      auto tables,
      conn.exec("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                "current_schema() AND table_type = 'BASE TABLE'"));
  // One statement for every table: a dump is two round trips, not one per table.
  std::string sql;
  for (int t = 0; t < tables.rows(); ++t) {
    const std::string name(tables.text(t, 0));
    if (name == kVolatileTable && !keep) continue;
    if (!sql.empty()) sql += " UNION ALL ";
    sql += is_index(name) ? "SELECT '" + name + "|' || count(*)::text FROM \"" + name + "\""
                          : "SELECT '" + name + "|' || (to_jsonb(t) - '" +
                                std::string(keep ? "" : kVolatileColumn) + "')::text FROM \"" +
                                name + "\" t";
  }
  Snapshot out;
  if (sql.empty()) return out;
  RAPPORT_ASSIGN_OR_RETURN(auto rows, conn.exec(sql));
  for (int r = 0; r < rows.rows(); ++r) out.emplace_back(rows.text(r, 0));
  std::sort(out.begin(), out.end());
  return out;
}

// How many rows differ between two snapshots (present in one and not the other).
inline int changed_rows(const Snapshot& before, const Snapshot& after) {
  std::vector<std::string> diff;
  std::set_symmetric_difference(before.begin(), before.end(), after.begin(), after.end(),
                                std::back_inserter(diff));
  return static_cast<int>(diff.size());
}

}  // namespace rapport::reliability
