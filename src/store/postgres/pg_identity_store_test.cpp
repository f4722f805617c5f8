// Tests of the PostgreSQL identity store on a throwaway cluster (skipped without
// RAPPORT_TEST_POSTGRES_URL): round trips, versions, uniqueness, rollback, append-only audit.
#include "store/postgres/pg_identity_store.hpp"

#include <gtest/gtest.h>

#include "store/postgres/pg_migrations.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

const sys_seconds kNow{std::chrono::seconds(1'790'000'000)};

class PgIdentityStoreTest : public ::testing::Test {
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
    auto migrated = migrate(**lease);
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    store_ = std::make_unique<PgIdentityStore>(*pool_);
  }

  // Runs `work` in one transaction and fails the test on an error.
  void run(const std::function<core::Status(IdentityTx&)>& work) {
    core::Status status = store_->transact(work);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  static NewUser new_user(std::string email) {
    return {std::move(email), "Somchai ใจดี", core::Role::kSales, std::nullopt, "$argon2id$hash"};
  }

  std::unique_ptr<PgTestSchema> schema_;
  std::unique_ptr<PgPool> pool_;
  std::unique_ptr<PgIdentityStore> store_;
};

TEST_F(PgIdentityStoreTest, UserRoundTripAndCredentials) {
  core::User inserted;
  run([&](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(inserted, tx.insert_user(new_user("a@example.com"), kNow));
    return core::ok_status();
  });
  EXPECT_GT(inserted.id, 0);
  EXPECT_EQ(inserted.version, 1);
  EXPECT_EQ(inserted.created_at, kNow);
  EXPECT_EQ(inserted.display_name, "Somchai ใจดี");
  EXPECT_TRUE(inserted.active);
  run([&](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto found, tx.find_user(inserted.id));
    EXPECT_EQ(found, inserted);
    RAPPORT_ASSIGN_OR_RETURN(auto credentials, tx.find_user_by_email("a@example.com"));
    EXPECT_TRUE(credentials.has_value());
    if (credentials) {
      EXPECT_EQ(credentials->password_hash, "$argon2id$hash");
    }
    RAPPORT_ASSIGN_OR_RETURN(auto missing, tx.find_user(inserted.id + 100));
    EXPECT_FALSE(missing.has_value());
    return core::ok_status();
  });
}

TEST_F(PgIdentityStoreTest, DuplicateEmailIsConflictAndRollsBackTheTransaction) {
  core::Status status = store_->transact([&](IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(tx.insert_team("Bangkok", kNow));
    RAPPORT_TRY(tx.insert_user(new_user("dup@example.com"), kNow));
    RAPPORT_TRY(tx.insert_user(new_user("dup@example.com"), kNow));
    return core::ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(status.error().message.find("dup@example.com"), std::string::npos);
  run([&](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(auto teams, tx.list_teams(0, 10));
    EXPECT_TRUE(teams.empty());
    return core::ok_status();
  });
}

TEST_F(PgIdentityStoreTest, StaleVersionAndMissingRowsAreDistinguished) {
  core::User user;
  run([&](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(user, tx.insert_user(new_user("v@example.com"), kNow));
    return core::ok_status();
  });
  core::User changed = user;
  changed.role = core::Role::kManager;
  changed.locked = true;
  run([&](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::User updated,
                             tx.update_user(changed, kNow + std::chrono::seconds(5)));
    EXPECT_EQ(updated.version, 2);
    EXPECT_EQ(updated.role, core::Role::kManager);
    EXPECT_TRUE(updated.locked);
    EXPECT_EQ(updated.updated_at, kNow + std::chrono::seconds(5));
    return core::ok_status();
  });
  core::Status stale = store_->transact(
      [&](IdentityTx& tx) -> core::Status { return tx.update_user(changed, kNow).error(); });
  EXPECT_EQ(stale.error().kind, core::ErrorKind::kStale);
  changed.id += 100;
  core::Status missing = store_->transact(
      [&](IdentityTx& tx) -> core::Status { return tx.update_user(changed, kNow).error(); });
  EXPECT_EQ(missing.error().kind, core::ErrorKind::kNotFound);
}

TEST_F(PgIdentityStoreTest, ATeamWithMembersIsNotDeleted) {
  run([&](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Team team, tx.insert_team("Manila", kNow));
    NewUser member = new_user("m@example.com");
    member.team_id = team.id;
    RAPPORT_ASSIGN_OR_RETURN(core::User user, tx.insert_user(member, kNow));
    EXPECT_EQ(user.team_id, team.id);
    const core::Status refused = tx.delete_team(team.id, team.version);
    EXPECT_EQ(refused.error().kind, core::ErrorKind::kConflict);
    EXPECT_NE(refused.error().message.find("1 member"), std::string::npos);
    user.team_id.reset();
    RAPPORT_TRY(tx.update_user(user, kNow));
    EXPECT_EQ(tx.delete_team(team.id, team.version + 1).error().kind, core::ErrorKind::kStale);
    RAPPORT_TRY(tx.delete_team(team.id, team.version));
    return core::ok_status();
  });
}

TEST_F(PgIdentityStoreTest, SessionsTokensAndAttempts) {
  run([&](IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::User user, tx.insert_user(new_user("s@example.com"), kNow));
    SessionRecord session{"hash1", user.id, kNow, kNow, "192.0.2.7"};
    RAPPORT_TRY(tx.insert_session(session));
    RAPPORT_TRY(tx.touch_session("hash1", kNow + std::chrono::seconds(60)));
    RAPPORT_ASSIGN_OR_RETURN(auto found, tx.find_session("hash1"));
    session.last_seen_at = kNow + std::chrono::seconds(60);
    EXPECT_EQ(found, session);
    RAPPORT_TRY(tx.delete_user_sessions(user.id));
    RAPPORT_ASSIGN_OR_RETURN(auto gone, tx.find_session("hash1"));
    EXPECT_FALSE(gone.has_value());

    ApiTokenRecord token{0,
                         user.id,
                         "CI",
                         "tokhash",
                         TokenScope::kReadWrite,
                         kNow,
                         kNow + std::chrono::hours(24),
                         std::nullopt,
                         std::nullopt};
    RAPPORT_ASSIGN_OR_RETURN(ApiTokenRecord stored, tx.insert_token(token));
    token.id = stored.id;
    EXPECT_EQ(stored, token);
    RAPPORT_TRY(tx.touch_token(stored.id, kNow + std::chrono::seconds(1)));
    RAPPORT_TRY(tx.revoke_token(stored.id, kNow + std::chrono::seconds(2)));
    RAPPORT_TRY(tx.revoke_token(stored.id, kNow + std::chrono::seconds(3)));
    RAPPORT_ASSIGN_OR_RETURN(auto by_hash, tx.find_token_by_hash("tokhash"));
    EXPECT_EQ(by_hash->last_used_at, kNow + std::chrono::seconds(1));
    EXPECT_EQ(by_hash->revoked_at, kNow + std::chrono::seconds(2));
    EXPECT_EQ(tx.revoke_token(stored.id + 9, kNow).error().kind, core::ErrorKind::kNotFound);

    RAPPORT_ASSIGN_OR_RETURN(AttemptRow none, tx.get_attempts(AttemptKind::kAddress, "192.0.2.7"));
    EXPECT_EQ(none.failures, 0);
    RAPPORT_TRY(tx.put_attempts(AttemptKind::kAddress, "192.0.2.7", {3, kNow}));
    RAPPORT_TRY(tx.put_attempts(AttemptKind::kAddress, "192.0.2.7", {4, kNow}));
    RAPPORT_ASSIGN_OR_RETURN(AttemptRow four, tx.get_attempts(AttemptKind::kAddress, "192.0.2.7"));
    EXPECT_EQ(four, (AttemptRow{4, kNow}));
    RAPPORT_ASSIGN_OR_RETURN(AttemptRow other, tx.get_attempts(AttemptKind::kAccount, "192.0.2.7"));
    EXPECT_EQ(other.failures, 0);
    return core::ok_status();
  });
}

TEST_F(PgIdentityStoreTest, AuditIsFilteredPagedNewestFirstAndAppendOnly) {
  run([&](IdentityTx& tx) -> core::Status {
    for (int i = 0; i < 5; ++i) {
      core::AuditEntry entry{0,          1,    i % 2 == 0 ? "update" : "login",
                             "contacts", 42,   R"({"name":{"before":"ก","after":"王"}})",
                             kNow,       "::1"};
      RAPPORT_TRY(tx.append_audit(entry));
    }
    AuditQuery query;
    query.action = "update";
    query.limit = 2;
    RAPPORT_ASSIGN_OR_RETURN(auto page, tx.list_audit(query));
    EXPECT_EQ(page.size(), 2u);
    EXPECT_GT(page[0].id, page[1].id);
    EXPECT_EQ(page[0].changes_json, R"({"name":{"before":"ก","after":"王"}})");
    query.before_id = page[1].id;
    RAPPORT_ASSIGN_OR_RETURN(auto rest, tx.list_audit(query));
    EXPECT_EQ(rest.size(), 1u);
    RAPPORT_TRY(tx.redact_audit("contacts", 42));
    RAPPORT_ASSIGN_OR_RETURN(auto redacted, tx.list_audit(AuditQuery{}));
    EXPECT_EQ(redacted.size(), 5u);
    for (const auto& entry : redacted) EXPECT_EQ(entry.changes_json, core::kRedactedChanges);
    return core::ok_status();
  });
  auto lease = pool_->acquire();
  ASSERT_TRUE(lease.ok());
  auto deleted = (*lease)->exec("DELETE FROM audit_log");
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().kind, core::ErrorKind::kConflict);
  EXPECT_FALSE((*lease)->exec("UPDATE audit_log SET action = 'x'").ok());
  EXPECT_FALSE((*lease)->exec_script("TRUNCATE audit_log").ok());
}

}  // namespace
}  // namespace rapport::store::postgres
