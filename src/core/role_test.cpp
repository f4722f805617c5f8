// Tests for the permission table and record scopes.
#include "core/role.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

constexpr Role kAllRoles[] = {Role::kAdmin,   Role::kManager,   Role::kSales,
                              Role::kSupport, Role::kMarketing, Role::kReadOnly};
constexpr Action kWrites[] = {Action::kCreate, Action::kUpdate, Action::kDelete, Action::kImport};

TEST(Role, AdminMayDoEverythingOverAllRecords) {
  for (auto o :
       {ObjectType::kContacts, ObjectType::kUsers, ObjectType::kAudit, ObjectType::kTeams}) {
    for (auto a :
         {Action::kRead, Action::kCreate, Action::kDelete, Action::kExport, Action::kAssign}) {
      EXPECT_EQ(allowed(Role::kAdmin, o, a), Scope::kAll);
    }
  }
}

TEST(Role, ReadOnlyMayNotWriteAnything) {
  for (auto o : {ObjectType::kContacts, ObjectType::kCompanies, ObjectType::kNotes,
                 ObjectType::kCustomFields, ObjectType::kUsers, ObjectType::kTeams}) {
    EXPECT_EQ(allowed(Role::kReadOnly, o, Action::kRead), Scope::kAll) << to_string(o);
    for (auto a : kWrites) EXPECT_FALSE(allowed(Role::kReadOnly, o, a)) << to_string(o);
  }
}

TEST(Role, OnlyAdminsManageUsersTeamsAndReadTheAuditLog) {
  for (Role r : kAllRoles) {
    if (r == Role::kAdmin) continue;
    for (auto a : kWrites) {
      EXPECT_FALSE(allowed(r, ObjectType::kUsers, a)) << to_string(r);
      EXPECT_FALSE(allowed(r, ObjectType::kTeams, a)) << to_string(r);
    }
    EXPECT_FALSE(allowed(r, ObjectType::kAudit, Action::kRead)) << to_string(r);
  }
}

TEST(Role, EveryoneReadsTheSettingsOnlyAdminsChangeThem) {
  for (Role r : kAllRoles) {
    EXPECT_EQ(allowed(r, ObjectType::kSettings, Action::kRead), Scope::kAll) << to_string(r);
    EXPECT_EQ(allowed(r, ObjectType::kSettings, Action::kUpdate).has_value(), r == Role::kAdmin)
        << to_string(r);
  }
}

TEST(Role, EveryoneManagesOnlyTheirOwnTokens) {
  for (Role r : kAllRoles) {
    if (r == Role::kAdmin) continue;
    EXPECT_EQ(allowed(r, ObjectType::kTokens, Action::kCreate), Scope::kOwn);
    EXPECT_EQ(allowed(r, ObjectType::kTokens, Action::kDelete), Scope::kOwn);
    EXPECT_FALSE(allowed(r, ObjectType::kTokens, Action::kUpdate));
  }
}

TEST(Role, SalesReadsTheTeamButChangesOnlyItsOwn) {
  EXPECT_EQ(allowed(Role::kSales, ObjectType::kContacts, Action::kRead), Scope::kTeam);
  EXPECT_EQ(allowed(Role::kSales, ObjectType::kContacts, Action::kUpdate), Scope::kOwn);
  EXPECT_FALSE(allowed(Role::kSales, ObjectType::kContacts, Action::kImport));
  EXPECT_EQ(allowed(Role::kManager, ObjectType::kContacts, Action::kDelete), Scope::kTeam);
  EXPECT_EQ(allowed(Role::kSupport, ObjectType::kContacts, Action::kRead), Scope::kAll);
  EXPECT_FALSE(allowed(Role::kSupport, ObjectType::kContacts, Action::kDelete));
}

TEST(Role, OnlyAdminsAndManagersAssignRecordsToOthers) {
  for (auto object : {ObjectType::kContacts, ObjectType::kCompanies}) {
    EXPECT_EQ(allowed(Role::kAdmin, object, Action::kAssign), Scope::kAll);
    EXPECT_EQ(allowed(Role::kManager, object, Action::kAssign), Scope::kTeam);
    // Support and marketing update every contact, yet may not hand one to another owner.
    EXPECT_EQ(allowed(Role::kSupport, object, Action::kAssign), std::nullopt);
    EXPECT_EQ(allowed(Role::kMarketing, object, Action::kAssign), std::nullopt);
    EXPECT_EQ(allowed(Role::kSales, object, Action::kAssign), std::nullopt);
    EXPECT_EQ(allowed(Role::kReadOnly, object, Action::kAssign), std::nullopt);
  }
}

TEST(Role, WithinScope) {
  // Caller 7 in team 2.
  EXPECT_TRUE(within_scope(Scope::kOwn, 7, 2, 7, 3));
  EXPECT_FALSE(within_scope(Scope::kOwn, 7, 2, 8, 2));
  EXPECT_TRUE(within_scope(Scope::kTeam, 7, 2, 8, 2));
  EXPECT_FALSE(within_scope(Scope::kTeam, 7, 2, 8, 3));
  EXPECT_FALSE(within_scope(Scope::kTeam, 7, std::nullopt, 8, std::nullopt));
  EXPECT_FALSE(within_scope(Scope::kTeam, 7, 2, std::nullopt, std::nullopt));
  EXPECT_TRUE(within_scope(Scope::kAll, 7, 2, std::nullopt, std::nullopt));
}

TEST(Role, NamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(*parse_role(to_string(r)), r);
  auto bad = parse_role("root");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(bad.error().fields.at(0).field, "role");
  EXPECT_FALSE(parse_role("Admin").ok());
}

}  // namespace
}  // namespace rapport::core
