// Drift between the kind descriptors and the SQLite schema the migrations build: every column a
// descriptor names exists in its kind's table, and every sort a descriptor offers is served by an
// index (the planner's own query never needs a temporary sort b-tree).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "core/kind_descriptor.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_dialect.hpp"
#include "store/sqlite/sqlite_migrations.hpp"

namespace rapport::store::sqlite {
namespace {

class SqliteKindDrift : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("rapport_drift_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    auto conn = SqliteConnection::open((dir_ / "drift.db").string(), false);
    ASSERT_TRUE(conn.ok()) << conn.error().message;
    conn_ = std::move(conn).value();
    auto migrated = migrate(*conn_);
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  }
  void TearDown() override {
    conn_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::set<std::string> columns(std::string_view table) {
    std::set<std::string> names;
    auto s = conn_->prepare("SELECT name FROM pragma_table_info(?1)");
    EXPECT_TRUE(s.ok());
    s->bind(1, table);
    for (auto row = s->step(); row.ok() && *row; row = s->step()) names.insert(s->text_at(0));
    return names;
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteConnection> conn_;
};

TEST_F(SqliteKindDrift, EveryDescribedColumnIsInItsTable) {
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

TEST_F(SqliteKindDrift, EverySortableFieldIsServedByAnIndex) {
  for (core::RecordKind kind : core::kRecordKinds) {
    const core::KindDescriptor& d = core::describe(kind);
    for (const core::FieldDescriptor& f : d.fields) {
      if (!f.has(core::kSortable)) continue;
      for (bool descending : {false, true}) {
        core::ListQuery query;
        query.sort = core::SortKey{std::string(f.name), descending};
        auto sql = plan_list(kSqliteDialect, d, "t.id", query, RecordScope::all(), Shelf::kLive, {},
                             nullptr);
        ASSERT_TRUE(sql.ok()) << f.name << ": " << sql.error().message;
        auto plan = conn_->prepare("EXPLAIN QUERY PLAN " + sql->sql);
        ASSERT_TRUE(plan.ok()) << plan.error().message;
        bind_all(*plan, sql->params);
        std::string steps;
        for (auto row = plan->step(); row.ok() && *row; row = plan->step()) {
          steps += plan->text_at(3) + "; ";
        }
        EXPECT_EQ(steps.find("TEMP B-TREE"), std::string::npos)
            << d.table << " sorted by " << f.name << (descending ? " descending" : "") << ": "
            << steps;
      }
    }
  }
}

}  // namespace
}  // namespace rapport::store::sqlite
