// Tests of the bounded PostgreSQL connection pool: limits, waiting with timeout, the figures it
// reports, and that broken or mid-transaction connections are never handed out again.
#include "store/postgres/pg_pool.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

using std::chrono::milliseconds;

class PgPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RAPPORT_POSTGRES_URL_OR_SKIP(base);
    auto schema = PgTestSchema::create(*base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
  }
  std::unique_ptr<PgPool> make_pool(int size, milliseconds timeout) {
    auto pool = PgPool::create({schema_->url(), size, timeout});
    EXPECT_TRUE(pool.ok()) << pool.error().message;
    return pool.ok() ? std::move(pool).value() : nullptr;
  }
  std::unique_ptr<PgTestSchema> schema_;
};

TEST(PgPoolOffline, UnreachableServerIsUnavailableAtCreate) {
  auto pool =
      PgPool::create({"postgresql://x@127.0.0.1:1/none?connect_timeout=2", 4, milliseconds(10)});
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.error().kind, core::ErrorKind::kUnavailable);
}

TEST_F(PgPoolTest, ExhaustedPoolTimesOutAsUnavailable) {
  auto pool = make_pool(2, milliseconds(50));
  ASSERT_NE(pool, nullptr);
  auto first = pool->acquire();
  auto second = pool->acquire();
  ASSERT_TRUE(first.ok() && second.ok());
  PgPoolStats busy = pool->stats();
  EXPECT_EQ(busy.size, 2);
  EXPECT_EQ(busy.open, 2);
  EXPECT_EQ(busy.in_use, 2);

  auto third = pool->acquire();
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().kind, core::ErrorKind::kUnavailable);
  PgPoolStats after = pool->stats();
  EXPECT_EQ(after.waits, 1u);
  EXPECT_EQ(after.timeouts, 1u);
  EXPECT_EQ(after.acquisitions, 3u);
}

TEST_F(PgPoolTest, WaiterGetsTheConnectionAReleaseFrees) {
  auto pool = make_pool(1, milliseconds(30000));
  ASSERT_NE(pool, nullptr);
  auto held = std::make_unique<PgLease>(std::move(pool->acquire()).value());
  int seen_waiting = 0;
  std::thread releaser([&] {
    // Until the main thread is counted as waiting (bounded, in case it never is), then release.
    for (int i = 0; i < 500 && seen_waiting == 0; ++i) {
      std::this_thread::sleep_for(milliseconds(10));
      seen_waiting = pool->stats().waiting;
    }
    held.reset();
  });
  auto waited = pool->acquire();
  releaser.join();
  ASSERT_TRUE(waited.ok()) << waited.error().message;
  EXPECT_TRUE((*waited)->exec("SELECT 1").ok());
  EXPECT_EQ(seen_waiting, 1);
  EXPECT_EQ(pool->stats().waiting, 0);
  EXPECT_EQ(pool->stats().open, 1);
}

TEST_F(PgPoolTest, ReturnedConnectionIsReused) {
  auto pool = make_pool(4, milliseconds(100));
  ASSERT_NE(pool, nullptr);
  std::int64_t first_pid = 0;
  {
    auto lease = pool->acquire();
    ASSERT_TRUE(lease.ok());
    first_pid = (*lease)->exec("SELECT pg_backend_pid()")->int64(0, 0);
  }
  auto lease = pool->acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_EQ((*lease)->exec("SELECT pg_backend_pid()")->int64(0, 0), first_pid);
  EXPECT_EQ(pool->stats().open, 1);
}

TEST_F(PgPoolTest, BrokenConnectionIsReplaced) {
  auto pool = make_pool(1, milliseconds(100));
  ASSERT_NE(pool, nullptr);
  {
    auto lease = pool->acquire();
    ASSERT_TRUE(lease.ok());
    std::int64_t pid = (*lease)->exec("SELECT pg_backend_pid()")->int64(0, 0);
    ASSERT_TRUE(schema_->admin().exec("SELECT pg_terminate_backend($1::int)", {pid}).ok());
    EXPECT_FALSE((*lease)->exec("SELECT 1").ok());
  }
  EXPECT_EQ(pool->stats().discarded, 1u);
  auto fresh = pool->acquire();
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_TRUE((*fresh)->exec("SELECT 1").ok());
}

TEST_F(PgPoolTest, ConnectionLeftInTransactionIsNotReused) {
  auto pool = make_pool(1, milliseconds(100));
  ASSERT_NE(pool, nullptr);
  {
    auto lease = pool->acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->exec_script("BEGIN").ok());
  }
  EXPECT_EQ(pool->stats().discarded, 1u);
  auto next = pool->acquire();
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE((*next)->idle());
}

}  // namespace
}  // namespace rapport::store::postgres
