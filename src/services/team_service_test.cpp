// Tests for team management.
#include "services/team_service.hpp"

#include <gtest/gtest.h>

#include "services/identity_test_fixture.hpp"

namespace rapport::services {
namespace {

using core::ErrorKind;

class TeamServiceTest : public IdentityServicesTest {};

TEST_F(TeamServiceTest, CreateRenameDeleteAreAudited) {
  auto team = teams_->create(admin_, " Manila ");
  ASSERT_TRUE(team.ok()) << team.error().message;
  EXPECT_EQ(team->name, "Manila");
  auto renamed = teams_->rename(admin_, team->id, team->version, "Manila North");
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ(renamed->version, 2);
  EXPECT_EQ(teams_->rename(admin_, team->id, 1, "Stale").error().kind, ErrorKind::kStale);
  ASSERT_TRUE(teams_->remove(admin_, team->id, 2).ok());
  EXPECT_EQ(teams_->get(admin_, team->id).error().kind, ErrorKind::kNotFound);

  const auto entries = all_audit();
  ASSERT_GE(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "delete");
  EXPECT_EQ(entries[1].action, "update");
  EXPECT_EQ(entries[1].changes_json, R"({"name":{"before":"Manila","after":"Manila North"}})");
  EXPECT_EQ(entries[2].action, "create");
}

TEST_F(TeamServiceTest, ATeamWithMembersIsNotDeleted) {
  auto team = teams_->create(admin_, "Taipei");
  ASSERT_TRUE(team.ok());
  const Caller member = add_user("mei@example.com", core::Role::kSales, team->id);
  const auto refused = teams_->remove(admin_, team->id, team->version);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(refused.error().message,
            "the team still has 1 member (the trash included); move them to another team first");
  EXPECT_EQ(users_->get(admin_, member.user_id)->team_id, team->id);
  EXPECT_TRUE(teams_->get(admin_, team->id).ok());
}

TEST_F(TeamServiceTest, OnlyAdminsChangeTeams) {
  auto team = teams_->create(admin_, "Amsterdam");
  ASSERT_TRUE(team.ok());
  const Caller manager = add_user("m@example.com", core::Role::kManager, team->id);
  const auto before = all_audit();
  EXPECT_EQ(teams_->create(manager, "Rogue").error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(teams_->rename(manager, team->id, 1, "Mine").error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(teams_->remove(manager, team->id, 1).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(all_audit(), before);
  auto teams = teams_->list(manager);
  ASSERT_TRUE(teams.ok());
  ASSERT_EQ(teams->size(), 1u);
  EXPECT_EQ((*teams)[0].name, "Amsterdam");
}

TEST_F(TeamServiceTest, NamesAreValidatedAndUnique) {
  EXPECT_EQ(teams_->create(admin_, "").error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(teams_->create(admin_, "a\tb\x01").error().kind, ErrorKind::kInvalid);
  ASSERT_TRUE(teams_->create(admin_, "Bangkok").ok());
  EXPECT_EQ(teams_->create(admin_, "Bangkok").error().kind, ErrorKind::kConflict);
}

}  // namespace
}  // namespace rapport::services
