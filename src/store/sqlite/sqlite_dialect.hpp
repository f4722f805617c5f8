// SQLite's side of the list planner (store/list_planner.hpp): ?N placeholders, ifnull, LIKE with
// an escape, json_each, and search through the FTS5 and gram tables, which lead the query when a
// searched list is in id order.
#pragma once

#include "core/result.hpp"
#include "store/list_planner.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_statement.hpp"

namespace rapport::store::sqlite {

class SqliteDialect final : public SqlDialect {
 public:
  std::string placeholder(std::size_t n) const override;
  std::string bytewise(std::string expr) const override { return expr; }
  std::string_view if_null() const override { return "ifnull"; }
  std::string_view false_literal() const override { return "0"; }
  std::string distinct(const std::string& a, const std::string& b) const override;
  std::string contains(const std::string& column, const std::string& pattern) const override;
  std::string number(PlanBuilder& builder, double value) const override;
  std::string multi_select_holds(const std::string& custom, const std::string& key,
                                 const std::string& list) const override;
  SearchFrom search(PlanBuilder& builder, const KindTables& tables, const SearchPlan& plan,
                    bool by_id, const RecordScope* company_scope) const override;
};

inline const SqliteDialect kSqliteDialect;

// Whether a live company within `company_scope` has a name that `plan` matches (a phrase or gram
// of it, as the search clause tests names). When none has, a contact search can leave the
// company links out and walk the FTS5 index in id order.
core::Result<bool> company_names_match(SqliteConnection& conn, const SearchPlan& plan,
                                       const RecordScope& company_scope);

// Binds `params` to `statement` as ?1, ?2, ….
void bind_all(Statement& statement, const std::vector<PlanParam>& params);

// The sort value of the current row of a list statement (selected at `column`).
SortValue sort_value_at(const Statement& statement, int column, ValueKind kind);

}  // namespace rapport::store::sqlite
