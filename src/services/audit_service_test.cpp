// Tests for reading the audit log: admins only, filters, keyset paging.
#include "services/audit_service.hpp"

#include <gtest/gtest.h>

#include "services/identity_test_fixture.hpp"

namespace rapport::services {
namespace {

using namespace std::chrono_literals;
using core::ErrorKind;

class AuditServiceTest : public IdentityServicesTest {};

TEST_F(AuditServiceTest, OnlyAdminsReadIt) {
  for (core::Role role : {core::Role::kManager, core::Role::kSales, core::Role::kReadOnly}) {
    const Caller caller = add_user(std::string(core::to_string(role)) + "@example.com", role);
    EXPECT_EQ(audit_->list(caller, {}).error().kind, ErrorKind::kForbidden);
  }
}

TEST_F(AuditServiceTest, FiltersByActorActionObjectAndTime) {
  const auto t0 = now_;
  auto team = teams_->create(admin_, "One");
  now_ += 1h;
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  now_ += 1h;
  ASSERT_TRUE(tokens_->create(ann, "CI", store::TokenScope::kRead, std::nullopt).ok());

  store::AuditQuery by_actor;
  by_actor.actor_id = ann.user_id;
  auto mine = audit_->list(admin_, by_actor);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->items.size(), 1u);
  EXPECT_EQ(mine->items[0].object_type, "tokens");

  store::AuditQuery by_object;
  by_object.object_type = "teams";
  by_object.object_id = team->id;
  EXPECT_EQ(audit_->list(admin_, by_object)->items.size(), 1u);

  store::AuditQuery by_action;
  by_action.action = "create";
  by_action.object_type = "users";
  // The bootstrap admin and ann.
  EXPECT_EQ(audit_->list(admin_, by_action)->items.size(), 2u);

  store::AuditQuery window;
  window.from = t0 + 30min;
  window.to = t0 + 90min;
  auto in_window = audit_->list(admin_, window);
  ASSERT_EQ(in_window->items.size(), 1u);
  EXPECT_EQ(in_window->items[0].object_id, ann.user_id);

  window.to = window.from;
  EXPECT_EQ(audit_->list(admin_, window).error().kind, ErrorKind::kInvalid);
}

TEST_F(AuditServiceTest, KeysetPagesCoverEveryEntryOnce) {
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(teams_->create(admin_, "T" + std::to_string(i)).ok());
  const auto everything = all_audit();
  store::AuditQuery q;
  q.limit = 3;
  std::vector<core::AuditEntry> seen;
  for (;;) {
    auto page = audit_->list(admin_, q);
    ASSERT_TRUE(page.ok());
    seen.insert(seen.end(), page->items.begin(), page->items.end());
    if (!page->next) break;
    q.before_id = page->next;
  }
  EXPECT_EQ(seen, everything);
  q.limit = 0;
  EXPECT_EQ(audit_->list(admin_, q).error().kind, ErrorKind::kInvalid);
}

}  // namespace
}  // namespace rapport::services
