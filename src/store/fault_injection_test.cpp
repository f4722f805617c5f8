// Tests of the fault injection seam on both engines: the Nth call fails once, with the error the
// engine gives for the real failure, the calls are counted and named, and disarmed nothing fails.
#include "store/fault_injection.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_fault_vfs.hpp"

namespace rapport::store {
namespace {

class SqliteFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("rapport_fault_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto conn = sqlite::SqliteConnection::open(path_.string(), false);
    ASSERT_TRUE(conn.ok()) << conn.error().message;
    conn_ = std::move(*conn);
    ASSERT_TRUE(conn_->exec("CREATE TABLE t (x INTEGER)").ok());
  }
  void TearDown() override {
    (void)fault::disarm();
    conn_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::filesystem::path path_;
  std::unique_ptr<sqlite::SqliteConnection> conn_;
};

TEST_F(SqliteFaultTest, FailsTheNthCallOnceAsTheEngineWould) {
  fault::arm(3);
  ASSERT_TRUE(conn_->exec("BEGIN").ok());                        // 1
  auto insert = conn_->prepare("INSERT INTO t (x) VALUES (1)");  // 2
  ASSERT_TRUE(insert.ok());
  const core::Status failed = insert->run();  // 3: the step fails
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, core::ErrorKind::kUnavailable);  // SQLITE_BUSY
  EXPECT_NE(failed.error().message.find("database is locked"), std::string::npos)
      << failed.error().message;
  EXPECT_TRUE(conn_->exec("ROLLBACK").ok());  // 4: only the 3rd fails
  const fault::Tally tally = fault::disarm();
  EXPECT_TRUE(tally.fired);
  EXPECT_EQ(tally.calls, (std::vector<std::string>{"BEGIN", "INSERT INTO t (x) VALUES (1)",
                                                   "INSERT INTO t (x) VALUES (1)", "ROLLBACK"}));
  auto count = conn_->prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(*count->step());
  EXPECT_EQ(count->int64_at(0), 0);
}

TEST_F(SqliteFaultTest, AnIoErrorIsInternalAndDisarmedNothingFails) {
  fault::arm(1, fault::Failure::kIoError);
  const core::Status failed = conn_->exec("INSERT INTO t (x) VALUES (1)");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, core::ErrorKind::kInternal);
  EXPECT_NE(failed.error().message.find("disk I/O error"), std::string::npos)
      << failed.error().message;
  EXPECT_EQ(fault::disarm().calls.size(), 1u);
  fault::arm(0);  // counts only
  EXPECT_TRUE(conn_->exec("INSERT INTO t (x) VALUES (1)").ok());
  const fault::Tally counted = fault::disarm();
  EXPECT_FALSE(counted.fired);
  EXPECT_EQ(counted.calls.size(), 1u);
  EXPECT_TRUE(conn_->exec("INSERT INTO t (x) VALUES (2)").ok());
  EXPECT_TRUE(fault::disarm().calls.empty());
}

// The VFS: a commit whose WAL frame cannot be written fails with SQLite's own error, and is
// rolled back by SQLite.
TEST_F(SqliteFaultTest, AFailedWalWriteFailsTheCommit) {
  ASSERT_TRUE(sqlite::install_fault_vfs().ok());
  conn_.reset();  // reopened on the fault VFS, now the default
  auto conn = sqlite::SqliteConnection::open(path_.string(), false);
  ASSERT_TRUE(conn.ok()) << conn.error().message;
  conn_ = std::move(*conn);
  fault::arm(1, fault::Failure::kIoError, fault::Counted::kFileWrites);
  const core::Status failed = conn_->exec("INSERT INTO t (x) VALUES (1)");
  const fault::Tally tally = fault::disarm();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, core::ErrorKind::kInternal);
  EXPECT_NE(failed.error().message.find("disk I/O error"), std::string::npos)
      << failed.error().message;
  EXPECT_TRUE(tally.fired);
  EXPECT_EQ(tally.calls.front(), "write WAL");
  {
    auto count = conn_->prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(count.ok());
    ASSERT_TRUE(*count->step());
    EXPECT_EQ(count->int64_at(0), 0);
  }
  EXPECT_TRUE(conn_->exec("INSERT INTO t (x) VALUES (2)").ok());
}

TEST(PgFaultTest, FailsTheNthCallOnceAsTheEngineWould) {
  RAPPORT_POSTGRES_URL_OR_SKIP(base);
  auto schema = postgres::PgTestSchema::create(*base);
  ASSERT_TRUE(schema.ok()) << schema.error().message;
  auto conn = postgres::PgConnection::connect((*schema)->url());
  ASSERT_TRUE(conn.ok()) << conn.error().message;
  auto& pg = **conn;
  ASSERT_TRUE(pg.exec_script("CREATE TABLE t (x integer)").ok());
  fault::arm(2);
  ASSERT_TRUE(pg.exec_script("BEGIN").ok());
  auto failed = pg.exec("INSERT INTO t (x) VALUES ($1)", {std::int64_t{1}});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, core::ErrorKind::kUnavailable);  // disk_full
  EXPECT_EQ(pg.last_sqlstate(), "53100");
  EXPECT_TRUE(pg.healthy());
  EXPECT_TRUE(pg.exec_script("ROLLBACK").ok());
  EXPECT_EQ(fault::disarm().calls,
            (std::vector<std::string>{"BEGIN", "INSERT INTO t (x) VALUES ($1)", "ROLLBACK"}));
  fault::arm(1, fault::Failure::kIoError);
  auto io = pg.exec("SELECT count(*) FROM t");
  ASSERT_FALSE(io.ok());
  EXPECT_EQ(io.error().kind, core::ErrorKind::kInternal);  // io_error
  EXPECT_EQ(pg.last_sqlstate(), "58030");
  EXPECT_TRUE(fault::disarm().fired);
  auto count = pg.exec("SELECT count(*) FROM t");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(count->int64(0, 0), 0);
}

}  // namespace
}  // namespace rapport::store
