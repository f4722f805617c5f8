// Tests of the PostgreSQL migration runner: fresh schema, idempotence, concurrent starts,
// refusal of a newer schema, and pg_trgm available to a non-superuser owner.
#include "store/postgres/pg_migrations.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

class PgMigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
  }
  std::unique_ptr<PgConnection> connect() {
    auto conn = PgConnection::connect(schema_->url());
    EXPECT_TRUE(conn.ok());
    return conn.ok() ? std::move(conn).value() : nullptr;
  }
  std::unique_ptr<PgTestSchema> schema_;
};

TEST(PgMigrationFiles, NumberedFromOneWithoutGaps) {
  auto all = embedded_migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
    EXPECT_FALSE(all[i].sql.empty());
  }
  EXPECT_EQ(latest_schema_version(), static_cast<int>(all.size()));
}

TEST_F(PgMigrationsTest, FreshSchemaReachesLatestOnceAndRerunIsANoOp) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  EXPECT_EQ(*schema_version(*conn), 0);
  auto first = migrate(*conn);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, latest_schema_version());
  auto second = migrate(*conn);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second, latest_schema_version());
  auto rows = conn->exec("SELECT count(*) FROM schema_version");
  EXPECT_EQ(rows->int64(0, 0), latest_schema_version());
}

TEST_F(PgMigrationsTest, ConcurrentStartsApplyEachMigrationOnce) {
  constexpr int kProcesses = 4;
  std::vector<std::unique_ptr<PgConnection>> conns;
  for (int i = 0; i < kProcesses; ++i) conns.push_back(connect());
  std::vector<core::Result<int>> results(kProcesses, core::Result<int>(0));
  std::vector<std::thread> threads;
  for (int i = 0; i < kProcesses; ++i) {
    threads.emplace_back([&, i] { results[i] = migrate(*conns[i]); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) {
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, latest_schema_version());
  }
  auto rows = conns[0]->exec("SELECT count(*), count(DISTINCT version) FROM schema_version");
  EXPECT_EQ(rows->int64(0, 0), latest_schema_version());
  EXPECT_EQ(rows->int64(0, 1), latest_schema_version());
}

TEST_F(PgMigrationsTest, NewerSchemaIsRefusedUnchanged) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  ASSERT_TRUE(migrate(*conn).ok());
  int newer = latest_schema_version() + 1;
  ASSERT_TRUE(
      conn->exec("INSERT INTO schema_version (version, name) VALUES ($1, 'future')", {newer}).ok());
  auto refused = migrate(*conn);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(*schema_version(*conn), newer);
}

TEST_F(PgMigrationsTest, TrigramSearchAvailableToTheNonSuperuserOwner) {
  auto conn = connect();
  ASSERT_NE(conn, nullptr);
  auto super = conn->exec("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  ASSERT_TRUE(super.ok());
  EXPECT_FALSE(super->boolean(0, 0));
  ASSERT_TRUE(migrate(*conn).ok());
  auto similar = conn->exec("SELECT similarity($1, $2) > 0.3", {"สมชาย", "สมชาย ใจดี"});
  ASSERT_TRUE(similar.ok()) << similar.error().message;
  EXPECT_TRUE(similar->boolean(0, 0));
}

}  // namespace
}  // namespace rapport::store::postgres
