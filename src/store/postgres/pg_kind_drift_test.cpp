// Drift between the kind descriptors and the PostgreSQL schema the migrations build (skipped
// without RAPPORT_TEST_POSTGRES_URL): every column a descriptor names exists in its kind's table,
// and every sort a descriptor offers is served by an index — with sorting disabled for the
// planner, the list query's plan still has no Sort step.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/kind_descriptor.hpp"
#include "store/postgres/pg_dialect.hpp"
#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

class PgKindDrift : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
    auto conn = PgConnection::connect(schema_->url());
    ASSERT_TRUE(conn.ok()) << conn.error().message;
    conn_ = std::move(conn).value();
    auto migrated = migrate(*conn_);
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  }

  std::set<std::string> columns(std::string_view table) {
    std::set<std::string> names;
    auto rows = conn_->exec(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = $1",
        {std::string(table)});
    EXPECT_TRUE(rows.ok());
    for (int row = 0; rows.ok() && row < rows->rows(); ++row) {
      names.insert(std::string(rows->text(row, 0)));
    }
    return names;
  }

  std::unique_ptr<PgTestSchema> schema_;
  std::unique_ptr<PgConnection> conn_;
};

TEST_F(PgKindDrift, EveryDescribedColumnIsInItsTable) {
  for (core::RecordKind kind : core::kRecordKinds) {
    const core::KindDescriptor& d = core::describe(kind);
    const std::set<std::string> present = columns(d.table);
    ASSERT_FALSE(present.empty()) << d.table;
    for (const core::FieldDescriptor& f : d.fields) {
      if (!f.column.empty()) {
        EXPECT_TRUE(present.contains(std::string(f.column))) << d.table << "." << f.column;
      }
      if (!f.sort_column.empty()) {
        EXPECT_TRUE(present.contains(std::string(f.sort_column)))
            << d.table << "." << f.sort_column;
      }
    }
  }
}

TEST_F(PgKindDrift, EverySortableFieldIsServedByAnIndex) {
  ASSERT_TRUE(conn_->exec_script("SET enable_sort = off; SET enable_seqscan = off").ok());
  for (core::RecordKind kind : core::kRecordKinds) {
    const core::KindDescriptor& d = core::describe(kind);
    for (const core::FieldDescriptor& f : d.fields) {
      if (!f.has(core::kSortable)) continue;
      for (bool descending : {false, true}) {
        core::ListQuery query;
        query.sort = core::SortKey{std::string(f.name), descending};
        auto statement =
            plan_list(kPgDialect, d, "t.id", query, RecordScope::all(), Shelf::kLive, {}, nullptr);
        ASSERT_TRUE(statement.ok()) << f.name << ": " << statement.error().message;
        auto plan = conn_->exec("EXPLAIN " + statement->sql, pg_params(statement->params));
        ASSERT_TRUE(plan.ok()) << plan.error().message;
        std::string steps;
        for (int row = 0; row < plan->rows(); ++row) {
          steps += std::string(plan->text(row, 0)) + "\n";
        }
        EXPECT_EQ(steps.find("Sort"), std::string::npos)
            << d.table << " sorted by " << f.name << (descending ? " descending" : "") << ":\n"
            << steps;
      }
    }
  }
}

}  // namespace
}  // namespace rapport::store::postgres
