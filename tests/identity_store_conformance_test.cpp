// Conformance of the identity store on every engine: the same cases run against SQLite (a temporary
// file) and PostgreSQL (a throwaway schema; skipped without RAPPORT_TEST_POSTGRES_URL).
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "store/identity_store.hpp"
#include "store/postgres/pg_database.hpp"
#include "store/postgres/pg_test_schema.hpp"
#include "store/postgres/pg_transaction.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_identity_store.hpp"
#include "store/sqlite/sqlite_migrations.hpp"

namespace rapport::store {
namespace {

using namespace std::chrono_literals;
using core::ErrorKind;

const sys_seconds kNow{std::chrono::seconds(1'790'000'000)};

// One engine's migrated, empty database with its identity store.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual IdentityStore& identity() = 0;
  // Runs SQL outside the store's interface, to prove what the database itself refuses.
  virtual core::Status exec_raw(const std::string& sql) = 0;
};

class SqliteEngine : public Engine {
 public:
  void open(testing::Test&) {
    dir_ = std::filesystem::temp_directory_path() /
           ("rapport_identity_conf_" + std::to_string(::getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::string path = (dir_ / "db.sqlite").string();
    {
      auto conn = sqlite::SqliteConnection::open(path, false);
      ASSERT_TRUE(conn.ok()) << conn.error().message;
      ASSERT_TRUE(sqlite::migrate(**conn).ok());
    }
    auto db = sqlite::SqliteDatabase::open(path, 1);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
    store_ = std::make_unique<sqlite::SqliteIdentityStore>(*db_);
  }
  ~SqliteEngine() override {
    store_.reset();
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  IdentityStore& identity() override { return *store_; }
  core::Status exec_raw(const std::string& sql) override {
    return db_->write([&](sqlite::SqliteConnection& c) { return c.exec(sql); });
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<sqlite::SqliteDatabase> db_;
  std::unique_ptr<sqlite::SqliteIdentityStore> store_;
};

class PostgresEngine : public Engine {
 public:
  void open(const std::string& base) {
    auto schema = postgres::PgTestSchema::create(base);
    ASSERT_TRUE(schema.ok()) << schema.error().message;
    schema_ = std::move(schema).value();
    auto db = postgres::PgDatabase::open(schema_->url(), {2, 2000ms, true});
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
  }
  ~PostgresEngine() override {
    db_.reset();
    schema_.reset();
  }
  IdentityStore& identity() override { return db_->identity(); }
  core::Status exec_raw(const std::string& sql) override {
    return postgres::transact(db_->pool(), [&](postgres::PgConnection& c) -> core::Status {
      RAPPORT_TRY(c.exec_script(sql));
      return core::ok_status();
    });
  }

 private:
  std::unique_ptr<postgres::PgTestSchema> schema_;
  std::unique_ptr<postgres::PgDatabase> db_;
};

class IdentityConformance : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      auto engine = std::make_unique<SqliteEngine>();
      engine->open(*this);
      engine_ = std::move(engine);
    } else {
      RAPPORT_POSTGRES_URL_OR_SKIP(base);
      auto engine = std::make_unique<PostgresEngine>();
      engine->open(*base);
      engine_ = std::move(engine);
    }
  }

  // Runs `work` in one transaction and expects it to succeed.
  void tx(const std::function<core::Status(IdentityTx&)>& work) {
    auto status = engine_->identity().transact(work);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  // Runs `work` in its own transaction and returns the error kind it ends with. A failed statement
  // ends what a PostgreSQL transaction can do, so each expected failure gets its own.
  std::optional<ErrorKind> fails_with(const std::function<core::Status(IdentityTx&)>& work) {
    auto status = engine_->identity().transact(work);
    if (status.ok()) return std::nullopt;
    return status.error().kind;
  }

  core::User add_user(IdentityTx& t, const std::string& email, core::Role role,
                      std::optional<std::int64_t> team = std::nullopt) {
    auto u = t.insert_user({email, "Name of " + email, role, team, "$argon2id$stub"}, kNow);
    EXPECT_TRUE(u.ok()) << u.error().message;
    return u.ok() ? *u : core::User{};
  }

  std::unique_ptr<Engine> engine_;
};

TEST_P(IdentityConformance, UsersRoundTripAndPage) {
  tx([&](IdentityTx& t) -> core::Status {
    const core::User a = add_user(t, "a@example.com", core::Role::kAdmin);
    EXPECT_EQ(a.version, 1);
    EXPECT_EQ(a.created_at, kNow);
    EXPECT_TRUE(a.active);
    EXPECT_FALSE(a.locked);
    for (int i = 0; i < 4; ++i)
      add_user(t, "u" + std::to_string(i) + "@example.com", core::Role::kSales);
    EXPECT_EQ(*t.find_user(a.id), a);
    EXPECT_FALSE(t.find_user(a.id + 1000)->has_value());
    auto creds = t.find_user_by_email("a@example.com");
    EXPECT_EQ((*creds)->user, a);
    EXPECT_EQ((*creds)->password_hash, "$argon2id$stub");
    EXPECT_FALSE(t.find_user_by_email("A@example.com")->has_value());
    auto page1 = t.list_users(0, 3);
    auto page2 = t.list_users(page1->back().id, 3);
    EXPECT_EQ(page1->size(), 3u);
    EXPECT_EQ(page2->size(), 2u);
    EXPECT_LT(page1->back().id, page2->front().id);
    EXPECT_EQ(*t.count_active_admins(), 1);
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, DuplicateEmailConflicts) {
  tx([&](IdentityTx& t) -> core::Status {
    add_user(t, "a@example.com", core::Role::kSales);
    return core::ok_status();
  });
  auto status = engine_->identity().transact([&](IdentityTx& t) -> core::Status {
    RAPPORT_TRY(
        t.insert_user({"a@example.com", "Again", core::Role::kSales, std::nullopt, "h"}, kNow));
    return core::ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kConflict);
}

TEST_P(IdentityConformance, UpdatesCheckTheVersion) {
  tx([&](IdentityTx& t) -> core::Status {
    core::User u = add_user(t, "a@example.com", core::Role::kSales);
    u.role = core::Role::kManager;
    u.locked = true;
    auto updated = t.update_user(u, kNow + 1h);
    EXPECT_TRUE(updated.ok());
    EXPECT_EQ(updated->version, 2);
    EXPECT_EQ(updated->role, core::Role::kManager);
    EXPECT_TRUE(updated->locked);
    EXPECT_EQ(updated->updated_at, kNow + 1h);
    EXPECT_EQ(updated->created_at, kNow);
    EXPECT_EQ(t.update_user(u, kNow).error().kind, ErrorKind::kStale);
    u.id = 987654;
    EXPECT_EQ(t.update_user(u, kNow).error().kind, ErrorKind::kNotFound);
    EXPECT_TRUE(t.set_password_hash(updated->id, "$new", kNow).ok());
    EXPECT_EQ((*t.find_user_by_email("a@example.com"))->password_hash, "$new");
    EXPECT_EQ(t.set_password_hash(987654, "$new", kNow).error().kind, ErrorKind::kNotFound);
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, FailedWorkRollsBack) {
  auto status = engine_->identity().transact([&](IdentityTx& t) -> core::Status {
    add_user(t, "a@example.com", core::Role::kSales);
    return core::Error::forbidden("refused after writing");
  });
  EXPECT_EQ(status.error().kind, ErrorKind::kForbidden);
  tx([&](IdentityTx& t) -> core::Status {
    EXPECT_FALSE(t.find_user_by_email("a@example.com")->has_value());
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, TeamsAndMembership) {
  tx([&](IdentityTx& t) -> core::Status {
    auto team = t.insert_team("Bangkok", kNow);
    EXPECT_TRUE(team.ok());
    return core::ok_status();
  });
  EXPECT_EQ(fails_with([](IdentityTx& t) -> core::Status {
              RAPPORT_TRY(t.insert_team("Bangkok", kNow));
              return core::ok_status();
            }),
            ErrorKind::kConflict);
  tx([&](IdentityTx& t) -> core::Status {
    core::Team team = t.list_teams(0, 10)->at(0);
    const core::User member = add_user(t, "m@example.com", core::Role::kSales, team.id);
    team.name = "Bangkok Central";
    auto renamed = t.update_team(team, kNow + 1h);
    EXPECT_EQ(renamed->version, 2);
    EXPECT_EQ(t.update_team(team, kNow).error().kind, ErrorKind::kStale);
    const core::Status in_use = t.delete_team(team.id, 2);
    EXPECT_EQ(in_use.error().kind, ErrorKind::kConflict);
    EXPECT_NE(in_use.error().message.find("1 member"), std::string::npos) << in_use.error().message;
    core::User moved = *t.find_user(member.id).value();
    moved.team_id.reset();
    EXPECT_TRUE(t.update_user(moved, kNow).ok());
    EXPECT_EQ(t.delete_team(team.id, 1).error().kind, ErrorKind::kStale);
    EXPECT_TRUE(t.delete_team(team.id, 2).ok());
    EXPECT_EQ(t.delete_team(team.id, 2).error().kind, ErrorKind::kNotFound);
    EXPECT_FALSE(t.find_team(team.id)->has_value());
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, Sessions) {
  std::int64_t user_id = 0;
  tx([&](IdentityTx& t) -> core::Status {
    user_id = add_user(t, "a@example.com", core::Role::kSales).id;
    EXPECT_TRUE(t.insert_session({"hash-one", user_id, kNow, kNow, "192.0.2.1"}).ok());
    EXPECT_TRUE(t.insert_session({"hash-two", user_id, kNow, kNow, "2001:db8::1"}).ok());
    return core::ok_status();
  });
  const SessionRecord one{"hash-one", user_id, kNow, kNow, "192.0.2.1"};
  EXPECT_EQ(fails_with([&](IdentityTx& t) { return t.insert_session(one); }), ErrorKind::kConflict);
  tx([&](IdentityTx& t) -> core::Status {
    EXPECT_EQ(**t.find_session("hash-one"), one);
    EXPECT_TRUE(t.touch_session("hash-one", kNow + 5min).ok());
    EXPECT_EQ((*t.find_session("hash-one"))->last_seen_at, kNow + 5min);
    EXPECT_TRUE(t.delete_session("hash-one").ok());
    EXPECT_FALSE(t.find_session("hash-one")->has_value());
    EXPECT_TRUE(t.delete_user_sessions(user_id).ok());
    EXPECT_FALSE(t.find_session("hash-two")->has_value());
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, DeletesOnlyExpiredSessions) {
  tx([&](IdentityTx& t) -> core::Status {
    const std::int64_t user_id = add_user(t, "a@example.com", core::Role::kSales).id;
    EXPECT_TRUE(t.insert_session({"fresh", user_id, kNow - 1h, kNow, "192.0.2.1"}).ok());
    EXPECT_TRUE(t.insert_session({"idle", user_id, kNow - 1h, kNow - 31min, "192.0.2.1"}).ok());
    EXPECT_TRUE(t.insert_session({"old", user_id, kNow - 12h, kNow, "192.0.2.1"}).ok());
    EXPECT_TRUE(t.insert_session({"young", user_id, kNow - 12h + 1s, kNow, "192.0.2.1"}).ok());
    return core::ok_status();
  });
  tx([&](IdentityTx& t) -> core::Status {
    auto deleted = t.delete_expired_sessions(kNow - 12h, kNow - 30min);
    EXPECT_EQ(deleted.ok() ? *deleted : -1, 2);
    EXPECT_TRUE(t.find_session("fresh")->has_value());
    EXPECT_TRUE(t.find_session("young")->has_value());
    EXPECT_FALSE(t.find_session("idle")->has_value());
    EXPECT_FALSE(t.find_session("old")->has_value());
    auto again = t.delete_expired_sessions(kNow - 12h, kNow - 30min);
    EXPECT_EQ(again.ok() ? *again : -1, 0);
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, ApiTokens) {
  ApiTokenRecord duplicate;
  tx([&](IdentityTx& t) -> core::Status {
    const core::User u = add_user(t, "a@example.com", core::Role::kSales);
    ApiTokenRecord r;
    r.user_id = u.id;
    r.name = "CI";
    r.token_hash = "h1";
    r.scope = TokenScope::kReadWrite;
    r.created_at = kNow;
    r.expires_at = kNow + 24h;
    auto first = t.insert_token(r);
    EXPECT_TRUE(first.ok());
    EXPECT_GT(first->id, 0);
    r.token_hash = "h2";
    r.scope = TokenScope::kRead;
    r.expires_at.reset();
    auto second = t.insert_token(r);
    duplicate = r;
    EXPECT_EQ(**t.find_token_by_hash("h1"), *first);
    EXPECT_EQ(**t.find_token(second->id), *second);
    EXPECT_FALSE(t.find_token_by_hash("nope")->has_value());
    auto listed = t.list_tokens(u.id);
    EXPECT_EQ(listed->size(), 2u);
    EXPECT_EQ(listed->at(0).id, first->id);
    EXPECT_TRUE(t.touch_token(first->id, kNow + 1h).ok());
    EXPECT_TRUE(t.revoke_token(first->id, kNow + 2h).ok());
    EXPECT_TRUE(t.revoke_token(first->id, kNow + 3h).ok());
    auto revoked = **t.find_token(first->id);
    EXPECT_EQ(revoked.last_used_at, kNow + 1h);
    EXPECT_EQ(revoked.revoked_at, kNow + 2h);
    EXPECT_EQ(t.revoke_token(first->id + 1000, kNow).error().kind, ErrorKind::kNotFound);
    // Revoking all of a user's tokens leaves the already revoked one's time alone.
    const core::User other = add_user(t, "b@example.com", core::Role::kSales);
    r.user_id = other.id;
    r.token_hash = "h3";
    auto others = t.insert_token(r);
    EXPECT_EQ(*t.revoke_user_tokens(u.id, kNow + 4h), 1);
    EXPECT_EQ(*t.revoke_user_tokens(u.id, kNow + 5h), 0);
    EXPECT_EQ((**t.find_token(first->id)).revoked_at, kNow + 2h);
    EXPECT_EQ((**t.find_token(second->id)).revoked_at, kNow + 4h);
    EXPECT_FALSE((**t.find_token(others->id)).revoked_at.has_value());
    return core::ok_status();
  });
  EXPECT_EQ(fails_with([&](IdentityTx& t) -> core::Status {
              RAPPORT_TRY(t.insert_token(duplicate));
              return core::ok_status();
            }),
            ErrorKind::kConflict);
}

TEST_P(IdentityConformance, LoginAttempts) {
  tx([&](IdentityTx& t) -> core::Status {
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAccount, "a@example.com"), AttemptRow{});
    EXPECT_TRUE(t.put_attempts(AttemptKind::kAccount, "a@example.com", {2, kNow}).ok());
    EXPECT_TRUE(t.put_attempts(AttemptKind::kAccount, "a@example.com", {3, kNow + 1s}).ok());
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAccount, "a@example.com"), (AttemptRow{3, kNow + 1s}));
    // The same key under the other kind is a different counter.
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAddress, "a@example.com"), AttemptRow{});
    EXPECT_TRUE(t.clear_attempts(AttemptKind::kAccount, "a@example.com").ok());
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAccount, "a@example.com"), AttemptRow{});
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, AccountAttemptsAreClearedFromEveryAddress) {
  const std::string a1 = account_attempt_key("a_b@example.com", "192.0.2.1");
  const std::string a2 = account_attempt_key("a_b@example.com", "2001:db8::1");
  // '_' is a LIKE wildcard: an e-mail differing only there must keep its counters.
  const std::string other = account_attempt_key("axb@example.com", "192.0.2.1");
  const std::string longer = account_attempt_key("a_b@example.com.evil", "192.0.2.1");
  tx([&](IdentityTx& t) -> core::Status {
    for (const auto& key : {a1, a2, other, longer}) {
      EXPECT_TRUE(t.put_attempts(AttemptKind::kAccount, key, {5, kNow}).ok());
    }
    EXPECT_TRUE(t.put_attempts(AttemptKind::kAddress, "a_b@example.com 192.0.2.1", {5, kNow}).ok());
    EXPECT_TRUE(t.clear_account_attempts("a_b@example.com").ok());
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAccount, a1), AttemptRow{});
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAccount, a2), AttemptRow{});
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAccount, other), (AttemptRow{5, kNow}));
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAccount, longer), (AttemptRow{5, kNow}));
    EXPECT_EQ(*t.get_attempts(AttemptKind::kAddress, "a_b@example.com 192.0.2.1"),
              (AttemptRow{5, kNow}));
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, AuditFiltersPagesAndRedacts) {
  tx([&](IdentityTx& t) -> core::Status {
    for (int i = 0; i < 6; ++i) {
      core::AuditEntry e;
      e.actor_id = i % 2 == 0 ? std::optional<std::int64_t>(7) : std::nullopt;
      e.action = i < 3 ? "update" : "delete";
      e.object_type = "contacts";
      e.object_id = 100 + i % 3;
      e.changes_json = R"({"given_name":{"before":"Ann","after":"Anne"}})";
      e.at = kNow + std::chrono::hours(i);
      e.client_address = "192.0.2.1";
      EXPECT_TRUE(t.append_audit(e).ok());
    }
    AuditQuery all;
    all.limit = 100;
    auto everything = *t.list_audit(all);
    EXPECT_EQ(everything.size(), 6u);
    EXPECT_GT(everything.front().id, everything.back().id);
    AuditQuery q = all;
    q.actor_id = 7;
    EXPECT_EQ(t.list_audit(q)->size(), 3u);
    q = all;
    q.action = "delete";
    q.object_id = 100;
    EXPECT_EQ(t.list_audit(q)->size(), 1u);
    q = all;
    q.from = kNow + 1h;
    q.to = kNow + 3h;
    EXPECT_EQ(t.list_audit(q)->size(), 2u);
    q = all;
    q.limit = 2;
    q.before_id = everything[1].id;
    auto page = *t.list_audit(q);
    EXPECT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0], everything[2]);

    EXPECT_TRUE(t.redact_audit("contacts", 101).ok());
    q = all;
    q.object_id = 101;
    const auto redacted = *t.list_audit(q);
    EXPECT_EQ(redacted.size(), 2u);
    for (const auto& e : redacted) {
      EXPECT_EQ(e.changes_json, core::kRedactedChanges);
      EXPECT_FALSE(e.action.empty());
      EXPECT_EQ(e.client_address, "192.0.2.1");
    }
    q.object_id = 100;
    EXPECT_NE(t.list_audit(q)->at(0).changes_json, core::kRedactedChanges);
    return core::ok_status();
  });
}

// A record's history for its timeline: only its own entries, by time and then id (an entry
// appended later may carry an earlier time), below a (time, id) bound, without the skipped action.
TEST_P(IdentityConformance, RecordHistoryRunsByTimeThenIdBelowABound) {
  tx([&](IdentityTx& t) -> core::Status {
    struct Row {
      std::string action;
      std::string type;
      std::int64_t object;
      std::chrono::sys_seconds at;
    };
    const std::vector<Row> rows{
        {"create", "contacts", 5, kNow},           {"update", "contacts", 5, kNow + 2s},
        {"create_note", "contacts", 5, kNow + 2s}, {"update", "contacts", 5, kNow + 1s},
        {"update", "contacts", 5, kNow + 2s},      {"update", "contacts", 6, kNow + 2s},
        {"update", "companies", 5, kNow + 2s}};
    std::vector<std::int64_t> ids;
    for (const Row& row : rows) {
      core::AuditEntry e;
      e.actor_id = 7;
      e.action = row.action;
      e.object_type = row.type;
      e.object_id = row.object;
      e.at = row.at;
      e.client_address = "192.0.2.1";
      ids.push_back(*t.append_audit(e));
    }
    HistoryQuery q;
    q.object_type = "contacts";
    q.object_id = 5;
    q.except_action = "create_note";
    auto id_list = [&](const HistoryQuery& query) {
      std::vector<std::int64_t> out;
      auto entries = t.list_history(query);
      EXPECT_TRUE(entries.ok());
      if (entries.ok()) {
        for (const auto& e : *entries) out.push_back(e.id);
      }
      return out;
    };
    EXPECT_EQ(id_list(q), (std::vector<std::int64_t>{ids[4], ids[1], ids[3], ids[0]}));
    const auto first = *t.list_history(q);
    EXPECT_EQ(first[0].at, kNow + 2s);
    EXPECT_EQ(first[0].action, "update");
    q.limit = 2;
    EXPECT_EQ(id_list(q), (std::vector<std::int64_t>{ids[4], ids[1]}));
    q.before_at = kNow + 2s;
    q.before_id = ids[4];
    EXPECT_EQ(id_list(q), (std::vector<std::int64_t>{ids[1], ids[3]}));
    q.before_id = ids[1];
    EXPECT_EQ(id_list(q), (std::vector<std::int64_t>{ids[3], ids[0]}));
    q.before_at = kNow + 1s;
    q.before_id = 0;
    EXPECT_EQ(id_list(q), (std::vector<std::int64_t>{ids[0]}));
    q.before_at = kNow;
    EXPECT_TRUE(id_list(q).empty());
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, TheDatabaseKeepsTheAuditLogAppendOnly) {
  tx([&](IdentityTx& t) -> core::Status {
    core::AuditEntry e;
    e.action = "login_failed";
    e.object_type = "users";
    e.at = kNow;
    return t.append_audit(e).ok() ? core::ok_status() : core::Error::internal("append");
  });
  EXPECT_FALSE(engine_->exec_raw("DELETE FROM audit_log").ok());
  EXPECT_FALSE(engine_->exec_raw("UPDATE audit_log SET action = 'login'").ok());
  EXPECT_FALSE(engine_->exec_raw("UPDATE audit_log SET changes = '{}'").ok());
  EXPECT_TRUE(engine_->exec_raw(R"(UPDATE audit_log SET changes = '{"redacted":true}')").ok());
  tx([&](IdentityTx& t) -> core::Status {
    auto entries = *t.list_audit({});
    EXPECT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries.at(0).action, "login_failed");
    return core::ok_status();
  });
}

TEST_P(IdentityConformance, NaughtyStringsRoundTripByteIdentical) {
  std::ifstream in(std::string(RAPPORT_SHARED_DATA) + "/naughty/blns.json");
  ASSERT_TRUE(in) << "blns.json not found";
  std::stringstream text;
  text << in.rdbuf();
  const auto strings = boost::json::parse(text.str()).as_array();
  ASSERT_GT(strings.size(), 500u);
  tx([&](IdentityTx& t) -> core::Status {
    std::int64_t n = 0;
    for (const auto& v : strings) {
      const std::string s(v.as_string());
      ++n;
      // Display names and token names are free text; e-mails are unique keys.
      auto u = t.insert_user(
          {"u" + std::to_string(n) + "@example.com", s, core::Role::kReadOnly, std::nullopt, "h"},
          kNow);
      EXPECT_TRUE(u.ok()) << s;
      if (!u.ok()) continue;
      EXPECT_EQ((*t.find_user(u->id))->display_name, s);
      auto team = t.insert_team("team " + std::to_string(n) + " " + s, kNow);
      EXPECT_TRUE(team.ok()) << s;
      if (team.ok()) {
        EXPECT_EQ((*t.find_team(team->id))->name, "team " + std::to_string(n) + " " + s);
      }
      core::AuditEntry e;
      e.action = "update";
      e.object_type = "users";
      e.object_id = u->id;
      e.changes_json = core::changes_to_json({{"display_name", std::nullopt, s}});
      e.client_address = s;
      e.at = kNow;
      auto id = t.append_audit(e);
      EXPECT_TRUE(id.ok()) << s;
      AuditQuery q;
      q.object_type = "users";
      q.object_id = u->id;
      auto back = t.list_audit(q);
      EXPECT_EQ(back->at(0).changes_json, e.changes_json);
      EXPECT_EQ(back->at(0).client_address, s);
      EXPECT_EQ(*t.get_attempts(AttemptKind::kAddress, s), AttemptRow{});
    }
    return core::ok_status();
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, IdentityConformance, testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::store
