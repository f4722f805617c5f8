// Tests for user management: permissions checked before any change, validation, versions, the
// last-admin guard and the audit trail of every change.
#include "services/user_service.hpp"

#include <gtest/gtest.h>

#include "services/identity_test_fixture.hpp"

namespace rapport::services {
namespace {

using core::ErrorKind;
using core::Role;

class UserServiceTest : public IdentityServicesTest {};

TEST_F(UserServiceTest, AdminCreatesUsersAndTheCreationIsAudited) {
  auto team = teams_->create(admin_, "Bangkok");
  ASSERT_TRUE(team.ok());
  auto user = users_->create(
      admin_, {" Somchai@Example.co.th ", "สมชาย ใจดี", Role::kSales, team->id, "รหัสผ่านยาวพอ"});
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(user->email, "somchai@example.co.th");
  EXPECT_EQ(user->display_name, "สมชาย ใจดี");
  EXPECT_EQ(user->team_id, team->id);
  EXPECT_EQ(user->version, 1);
  EXPECT_TRUE(user->active);
  EXPECT_EQ(*users_->get(admin_, user->id), *user);

  const auto entries = all_audit();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].action, "create");
  EXPECT_EQ(entries[0].object_type, "users");
  EXPECT_EQ(entries[0].object_id, user->id);
  EXPECT_EQ(entries[0].actor_id, admin_.user_id);
  EXPECT_NE(entries[0].changes_json.find("\"role\":{\"before\":null,\"after\":\"sales\"}"),
            std::string::npos);
  EXPECT_EQ(entries[0].changes_json.find("รหัสผ่าน"), std::string::npos);
}

TEST_F(UserServiceTest, NonAdminsAreRefusedAndNothingChanges) {
  for (Role role :
       {Role::kManager, Role::kSales, Role::kSupport, Role::kMarketing, Role::kReadOnly}) {
    const Caller caller = add_user(std::string(core::to_string(role)) + "@example.com", role);
    const auto before = all_audit();
    auto created = users_->create(
        caller, {"x@example.com", "X", Role::kAdmin, std::nullopt, "long enough pw"});
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().kind, ErrorKind::kForbidden);
    UserPatch promote;
    promote.role = Role::kAdmin;
    EXPECT_EQ(users_->update(caller, caller.user_id, 1, promote).error().kind,
              ErrorKind::kForbidden);
    EXPECT_EQ(users_->reset_password(caller, admin_.user_id, "hijacked password").error().kind,
              ErrorKind::kForbidden);
    EXPECT_EQ(users_->unlock(caller, caller.user_id).error().kind, ErrorKind::kForbidden);
    EXPECT_EQ(all_audit(), before);
    EXPECT_EQ(users_->get(admin_, caller.user_id)->role, role);
    EXPECT_EQ(users_->find_by_email("x@example.com").error().kind, ErrorKind::kNotFound);
    // Reading users is allowed to every role (to show owners' names).
    EXPECT_TRUE(users_->get(caller, admin_.user_id).ok());
  }
}

TEST_F(UserServiceTest, InvalidFieldsAreAllReported) {
  auto r = users_->create(admin_, {"not-an-email", " ", Role::kSales, std::nullopt, "short"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"email", "display_name", "password"}));

  auto no_team =
      users_->create(admin_, {"a@example.com", "A", Role::kSales, 999, "long enough pw"});
  ASSERT_FALSE(no_team.ok());
  EXPECT_EQ(no_team.error().fields.at(0).field, "team_id");
}

TEST_F(UserServiceTest, DuplicateEmailIsAConflict) {
  add_user("ann@example.com", Role::kSales);
  auto again = users_->create(
      admin_, {"ANN@example.com", "Ann 2", Role::kSales, std::nullopt, "long enough pw"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
}

TEST_F(UserServiceTest, RoleChangeIsAuditedWithBeforeAndAfter) {
  const Caller ann = add_user("ann@example.com", Role::kSales);
  UserPatch patch;
  patch.role = Role::kManager;
  patch.display_name = "Ann Lee";
  auto updated = users_->update(admin_, ann.user_id, 1, patch);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->role, Role::kManager);
  EXPECT_EQ(updated->version, 2);
  const auto entry = all_audit().at(0);
  EXPECT_EQ(entry.action, "role_change");
  EXPECT_EQ(entry.object_id, ann.user_id);
  EXPECT_EQ(entry.changes_json,
            R"({"display_name":{"before":"User ann@example.com","after":"Ann Lee"},)"
            R"("role":{"before":"sales","after":"manager"}})");
}

TEST_F(UserServiceTest, StaleVersionIsRefused) {
  const Caller ann = add_user("ann@example.com", Role::kSales);
  UserPatch patch;
  patch.display_name = "First";
  ASSERT_TRUE(users_->update(admin_, ann.user_id, 1, patch).ok());
  patch.display_name = "Second";
  EXPECT_EQ(users_->update(admin_, ann.user_id, 1, patch).error().kind, ErrorKind::kStale);
  EXPECT_EQ(users_->get(admin_, ann.user_id)->display_name, "First");
  EXPECT_EQ(users_->update(admin_, 4242, 1, patch).error().kind, ErrorKind::kNotFound);
}

TEST_F(UserServiceTest, TheLastAdminStaysAnAdmin) {
  UserPatch demote;
  demote.role = Role::kSales;
  EXPECT_EQ(users_->update(admin_, admin_.user_id, 1, demote).error().kind, ErrorKind::kConflict);
  UserPatch deactivate;
  deactivate.active = false;
  EXPECT_EQ(users_->update(admin_, admin_.user_id, 1, deactivate).error().kind,
            ErrorKind::kConflict);
  add_user("second@example.com", Role::kAdmin);
  EXPECT_TRUE(users_->update(admin_, admin_.user_id, 1, demote).ok());
}

TEST_F(UserServiceTest, TheConsoleActsAsAnAdminWithoutAnActor) {
  auto user = users_->create(
      console_caller(), {"ops@example.com", "Ops", Role::kSupport, std::nullopt, "long enough pw"});
  ASSERT_TRUE(user.ok()) << user.error().message;
  const auto entry = all_audit().at(0);
  EXPECT_EQ(entry.object_id, user->id);
  EXPECT_FALSE(entry.actor_id.has_value());
  EXPECT_EQ(entry.client_address, "console");
  EXPECT_EQ(
      tokens_->create(console_caller(), "x", store::TokenScope::kRead, std::nullopt).error().kind,
      ErrorKind::kForbidden);
  const Caller as_user = caller_for(*user, "console");
  EXPECT_TRUE(tokens_->create(as_user, "x", store::TokenScope::kRead, std::nullopt).ok());
}

TEST_F(UserServiceTest, BootstrapOnlyOnce) {
  auto again = users_->bootstrap_admin(
      {"root@example.com", "Root", Role::kAdmin, std::nullopt, "long enough pw"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
}

TEST_F(UserServiceTest, AdminResetsAPasswordAndSessionsEnd) {
  const Caller ann = add_user("ann@example.com", Role::kSales);
  auto login = auth_->login("ann@example.com", kUserPassword, "198.51.100.7");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(users_->reset_password(admin_, ann.user_id, "reset by admin").ok());
  EXPECT_FALSE(auth_->authenticate_session(login->session.cookie_value, "x").ok());
  EXPECT_TRUE(auth_->login("ann@example.com", "reset by admin", "198.51.100.7").ok());
  EXPECT_EQ(all_audit().at(1).action, "password_reset");
}

TEST_F(UserServiceTest, ListPagesById) {
  for (int i = 0; i < 5; ++i) add_user("u" + std::to_string(i) + "@example.com", Role::kSales);
  auto first = users_->list(admin_, 0, 4);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 4u);
  ASSERT_TRUE(first->next.has_value());
  auto second = users_->list(admin_, *first->next, 4);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->items.size(), 2u);
  EXPECT_FALSE(second->next.has_value());
  EXPECT_GT(second->items[0].id, first->items[3].id);
  EXPECT_EQ(users_->list(admin_, 0, 0).error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(users_->list(admin_, 0, 501).error().kind, ErrorKind::kInvalid);
}

TEST_F(UserServiceTest, NaughtyDisplayNamesRoundTrip) {
  const std::string name = "Robert'); DROP TABLE users;-- 表 ⁦RTL⁩";
  auto user = users_->create(
      admin_, {"bobby@example.com", name, Role::kSales, std::nullopt, "long enough pw"});
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(users_->get(admin_, user->id)->display_name, name);
}

}  // namespace
}  // namespace rapport::services
