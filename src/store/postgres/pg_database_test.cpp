// Tests of opening a PostgreSQL database: migration on open, schema checks, unreachable server.
#include "store/postgres/pg_database.hpp"

#include <gtest/gtest.h>

#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

class PgDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
  }
  std::unique_ptr<PgTestSchema> schema_;
};

TEST(PgDatabaseOffline, UnreachableServerIsUnavailable) {
  auto db = PgDatabase::open("postgresql://x@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().kind, core::ErrorKind::kUnavailable);
}

TEST_F(PgDatabaseTest, UnmigratedSchemaIsRefusedWhenMigrationIsOff) {
  PgDatabaseOptions options;
  options.migrate = false;
  auto refused = PgDatabase::open(schema_->url(), options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
}

TEST_F(PgDatabaseTest, OpenMigratesAndTheStoresWork) {
  auto db = PgDatabase::open(schema_->url());
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ((*db)->schema_version(), latest_schema_version());
  core::Status status = (*db)->identity().transact([](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto count, tx.count_active_admins());
    EXPECT_EQ(count, 0);
    return core::ok_status();
  });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ((*db)->pool().stats().in_use, 0);

  PgDatabaseOptions check_only;
  check_only.migrate = false;
  auto reopened = PgDatabase::open(schema_->url(), check_only);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
}

}  // namespace
}  // namespace rapport::store::postgres
