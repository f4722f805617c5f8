// Test fixture for the identity services: a migrated SQLite database in a temporary directory,
// a hand-driven clock, cheap argon2id parameters and a first admin.
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/caller.hpp"
#include "services/password.hpp"
#include "services/team_service.hpp"
#include "services/token_service.hpp"
#include "services/user_service.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_identity_store.hpp"
#include "store/sqlite/sqlite_migrations.hpp"

namespace rapport::services {

class IdentityServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("rapport_identity_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::string path = (dir_ / "identity.db").string();
    {
      auto conn = store::sqlite::SqliteConnection::open(path, false);
      ASSERT_TRUE(conn.ok()) << conn.error().message;
      auto migrated = store::sqlite::migrate(**conn);
      ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    }
    auto db = store::sqlite::SqliteDatabase::open(path, 1);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
    store_ = std::make_unique<store::sqlite::SqliteIdentityStore>(*db_);
    auth_ = std::make_unique<AuthService>(*store_, hasher_, clock());
    users_ = std::make_unique<UserService>(*store_, hasher_, clock());
    teams_ = std::make_unique<TeamService>(*store_, clock());
    tokens_ = std::make_unique<TokenService>(*store_, clock());
    audit_ = std::make_unique<AuditService>(*store_);
    auto admin = users_->bootstrap_admin(
        {"admin@example.com", "Admin", core::Role::kAdmin, std::nullopt, kAdminPassword});
    ASSERT_TRUE(admin.ok()) << admin.error().message;
    admin_ = Caller{admin->id, core::Role::kAdmin, std::nullopt, false, "192.0.2.1"};
  }

  void TearDown() override {
    audit_.reset();
    tokens_.reset();
    teams_.reset();
    users_.reset();
    auth_.reset();
    store_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  Clock clock() {
    return [this] { return now_; };
  }

  // Creates a user through the admin and returns them as a caller.
  Caller add_user(const std::string& email, core::Role role,
                  std::optional<std::int64_t> team = std::nullopt) {
    auto user = users_->create(admin_, {email, "User " + email, role, team, kUserPassword});
    EXPECT_TRUE(user.ok()) << user.error().message;
    return Caller{user.ok() ? user->id : 0, role, team, false, "198.51.100.7"};
  }

  // Every audit entry, newest first.
  std::vector<core::AuditEntry> all_audit() {
    store::AuditQuery q;
    q.limit = 500;
    auto page = audit_->list(admin_, q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<core::AuditEntry>{};
  }

  static constexpr const char* kAdminPassword = "admin password 1";
  static constexpr const char* kUserPassword = "user password 12";

  std::filesystem::path dir_;
  std::chrono::sys_seconds now_{std::chrono::seconds(1'700'000'000)};
  PasswordHasher hasher_{{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}};
  std::unique_ptr<store::sqlite::SqliteDatabase> db_;
  std::unique_ptr<store::sqlite::SqliteIdentityStore> store_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<TeamService> teams_;
  std::unique_ptr<TokenService> tokens_;
  std::unique_ptr<AuditService> audit_;
  Caller admin_;
};

}  // namespace rapport::services
