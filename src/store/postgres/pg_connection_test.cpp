// Tests of the libpq wrapper against a throwaway PostgreSQL (skipped without
// RAPPORT_TEST_POSTGRES_URL): parameters round-trip byte for byte, failures map to error kinds.
#include "store/postgres/pg_connection.hpp"

#include <gtest/gtest.h>

#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

class PgConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
    auto conn = PgConnection::connect(schema_->url());
    ASSERT_TRUE(conn.ok()) << conn.error().message;
    conn_ = std::move(conn).value();
  }
  std::unique_ptr<PgTestSchema> schema_;
  std::unique_ptr<PgConnection> conn_;
};

TEST(PgConnectionOffline, UnreachableServerIsUnavailable) {
  auto conn =
      PgConnection::connect("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().kind, core::ErrorKind::kUnavailable);
  EXPECT_EQ(conn.error().message.find("secret"), std::string::npos);
}

TEST_F(PgConnectionTest, TextParametersRoundTripByteForByte) {
  const std::string samples[] = {"สวัสดีครับ",     "王小明", "Ŋoëlle 'O''Brien'; DROP TABLE x; --",
                                 "\\x00 $1 %s", "",       "tab\tnew\nline",
                                 "😀 emoji"};
  for (const std::string& sample : samples) {
    auto result = conn_->exec("SELECT $1::text, length($1::text)", {sample});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->text(0, 0), sample);
    EXPECT_FALSE(result->is_null(0, 0));
  }
}

TEST_F(PgConnectionTest, NullAndIntegerParameters) {
  auto result = conn_->exec("SELECT $1::text, $2::bigint + 1, $3::boolean",
                            {PgParam(), std::int64_t{9007199254740993}, true});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_TRUE(result->is_null(0, 0));
  EXPECT_EQ(result->optional_text(0, 0), std::nullopt);
  EXPECT_EQ(result->int64(0, 1), 9007199254740994);
  EXPECT_TRUE(result->boolean(0, 2));
}

TEST_F(PgConnectionTest, BinaryParameterKeepsNulBytes) {
  std::string bytes("a\0b\xff", 4);
  auto result = conn_->exec("SELECT length($1::bytea)", {PgParam::bytes(bytes)});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->int64(0, 0), 4);
}

TEST_F(PgConnectionTest, NulInTextIsInvalid) {
  auto result = conn_->exec("SELECT $1::text", {std::string("a\0b", 3)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, core::ErrorKind::kInvalid);
}

TEST_F(PgConnectionTest, InvalidUtf8IsInvalid) {
  auto result = conn_->exec("SELECT $1::text", {std::string("caf\xc3")});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, core::ErrorKind::kInvalid);
  EXPECT_TRUE(conn_->healthy());
}

TEST_F(PgConnectionTest, UniqueViolationIsConflict) {
  ASSERT_TRUE(conn_->exec_script("CREATE TABLE t (email text UNIQUE)").ok());
  ASSERT_TRUE(conn_->exec("INSERT INTO t VALUES ($1)", {"a@example.com"}).ok());
  auto again = conn_->exec("INSERT INTO t VALUES ($1)", {"a@example.com"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(conn_->last_sqlstate(), "23505");
}

TEST_F(PgConnectionTest, SyntaxErrorIsInternalAndConnectionStaysUsable) {
  auto bad = conn_->exec("SELEKT 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, core::ErrorKind::kInternal);
  auto good = conn_->exec("SELECT 1");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->int64(0, 0), 1);
}

TEST_F(PgConnectionTest, AffectedRowsCounted) {
  ASSERT_TRUE(
      conn_->exec_script("CREATE TABLE n (v int); INSERT INTO n VALUES (1), (2), (3)").ok());
  auto updated = conn_->exec("UPDATE n SET v = v + 1 WHERE v >= $1", {2});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->affected_rows(), 2);
}

TEST_F(PgConnectionTest, LostConnectionIsUnavailableNotACrash) {
  auto pid = conn_->exec("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.ok());
  ASSERT_TRUE(
      schema_->admin().exec("SELECT pg_terminate_backend($1::int)", {pid->int64(0, 0)}).ok());
  auto after = conn_->exec("SELECT 1");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().kind, core::ErrorKind::kUnavailable);
  EXPECT_FALSE(conn_->healthy());
  auto again = conn_->exec("SELECT 2");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, core::ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace rapport::store::postgres
