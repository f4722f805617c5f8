// PostgreSQL's side of the list planner (store/list_planner.hpp): $N placeholders, coalesce,
// byte-wise text through COLLATE "C", ASCII-blind LIKE through translate(), jsonb arrays, and
// search through the trigram-indexed search bodies and the gram tables.
#pragma once

#include <vector>

#include "store/list_planner.hpp"
#include "store/postgres/pg_connection.hpp"

namespace rapport::store::postgres {

class PgDialect final : public SqlDialect {
 public:
  std::string placeholder(std::size_t n) const override;
  std::string bytewise(std::string expr) const override;
  std::string_view if_null() const override { return "coalesce"; }
  std::string_view false_literal() const override { return "FALSE"; }
  std::string distinct(const std::string& a, const std::string& b) const override;
  std::string contains(const std::string& column, const std::string& pattern) const override;
  std::string number(PlanBuilder& builder, double value) const override;
  std::string multi_select_holds(const std::string& custom, const std::string& key,
                                 const std::string& list) const override;
  SearchFrom search(PlanBuilder& builder, const KindTables& tables, const SearchPlan& plan,
                    bool by_id, const RecordScope* company_scope) const override;
};

inline const PgDialect kPgDialect;

// A plan's parameters as libpq sends them.
std::vector<PgParam> pg_params(const std::vector<PlanParam>& params);

// The cursor after row `row` of a result of `plan`, whose sort value is in column `sort_column`.
std::string next_cursor(const ListPlan& plan, const PgResult& rows, int row, int sort_column);

}  // namespace rapport::store::postgres
