// Tests of transact() on PostgreSQL: commit, rollback, retry after serialization failures.
#include "store/postgres/pg_transaction.hpp"

#include <gtest/gtest.h>

#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

constexpr std::string_view kRaiseSerializationFailure =
    "DO $$BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END$$";

class PgTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
    auto pool = PgPool::create({schema_->url(), 2, std::chrono::milliseconds(1000)});
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    pool_ = std::move(pool).value();
    auto lease = pool_->acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->exec_script("CREATE TABLE items (name text PRIMARY KEY)").ok());
  }
  std::int64_t count() {
    auto lease = pool_->acquire();
    return (*lease)->exec("SELECT count(*) FROM items")->int64(0, 0);
  }
  std::unique_ptr<PgTestSchema> schema_;
  std::unique_ptr<PgPool> pool_;
};

TEST_F(PgTransactionTest, SuccessCommitsAndReturnsTheValue) {
  auto result = transact(*pool_, [](PgConnection& conn) -> core::Result<int> {
    RAPPORT_TRY(conn.exec("INSERT INTO items VALUES ($1)", {"a"}));
    return 7;
  });
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(*result, 7);
  EXPECT_EQ(count(), 1);
}

TEST_F(PgTransactionTest, ReadRefusesWritesAndSeesOneSnapshot) {
  core::Status write = transact(
      *pool_,
      [](PgConnection& conn) -> core::Status {
        RAPPORT_TRY(conn.exec("INSERT INTO items VALUES ($1)", {"a"}));
        return core::ok_status();
      },
      TxAccess::kRead);
  EXPECT_FALSE(write.ok());
  EXPECT_EQ(count(), 0);

  auto levels = transact(
      *pool_,
      [](PgConnection& conn) -> core::Result<std::string> {
        RAPPORT_ASSIGN_OR_RETURN(PgResult r, conn.exec("SHOW transaction_isolation"));
        return std::string(r.text(0, 0));
      },
      TxAccess::kRead);
  ASSERT_TRUE(levels.ok()) << levels.error().message;
  EXPECT_EQ(*levels, "repeatable read");
}

TEST_F(PgTransactionTest, FailureRollsBackEverything) {
  core::Status status = transact(*pool_, [](PgConnection& conn) -> core::Status {
    RAPPORT_TRY(conn.exec("INSERT INTO items VALUES ($1)", {"a"}));
    return core::Error::forbidden("no");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, core::ErrorKind::kForbidden);
  EXPECT_EQ(count(), 0);
}

TEST_F(PgTransactionTest, ConstraintFailureIsConflictAndRolledBack) {
  core::Status status = transact(*pool_, [](PgConnection& conn) -> core::Status {
    RAPPORT_TRY(conn.exec("INSERT INTO items VALUES ($1)", {"a"}));
    RAPPORT_TRY(conn.exec("INSERT INTO items VALUES ($1)", {"a"}));
    return core::ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(pool_->stats().discarded, 0u);
}

TEST_F(PgTransactionTest, SerializationFailureIsRetried) {
  int attempts = 0;
  core::Status status = transact(*pool_, [&](PgConnection& conn) -> core::Status {
    ++attempts;
    RAPPORT_TRY(conn.exec("INSERT INTO items VALUES ($1)", {"a"}));
    if (attempts == 1) RAPPORT_TRY(conn.exec_script(kRaiseSerializationFailure));
    return core::ok_status();
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(count(), 1);
}

TEST_F(PgTransactionTest, PersistentSerializationFailureIsConflict) {
  int attempts = 0;
  core::Status status = transact(*pool_, [&](PgConnection& conn) -> core::Status {
    ++attempts;
    RAPPORT_TRY(conn.exec_script(kRaiseSerializationFailure));
    return core::ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(attempts, kTransactionAttempts);
}

TEST_F(PgTransactionTest, IgnoredStatementFailureDoesNotCommitSilently) {
  core::Status status = transact(*pool_, [](PgConnection& conn) -> core::Status {
    RAPPORT_TRY(conn.exec("INSERT INTO items VALUES ($1)", {"a"}));
    (void)conn.exec("SELEKT");
    return core::ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(count(), 0);
}

}  // namespace
}  // namespace rapport::store::postgres
