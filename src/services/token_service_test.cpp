// Tests for personal API tokens: shown once, stored hashed, own-scope management.
#include "services/token_service.hpp"

#include <gtest/gtest.h>

#include "services/identity_test_fixture.hpp"
#include "services/secret.hpp"

namespace rapport::services {
namespace {

using namespace std::chrono_literals;
using core::ErrorKind;

class TokenServiceTest : public IdentityServicesTest {};

TEST_F(TokenServiceTest, SecretIsReturnedOnceAndStoredHashed) {
  const Caller ann = add_user("ann@example.com", core::Role::kReadOnly);
  auto created = tokens_->create(ann, "Zapier", store::TokenScope::kRead, now_ + 30 * 24h);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(has_secret_shape(created->secret, kApiTokenPrefix));
  EXPECT_EQ(created->record.token_hash, hash_secret(created->secret));
  auto listed = tokens_->list(ann, std::nullopt);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].name, "Zapier");
  const auto entry = all_audit().at(0);
  EXPECT_EQ(entry.object_type, "tokens");
  EXPECT_EQ(entry.changes_json.find(created->secret.substr(4)), std::string::npos);
}

TEST_F(TokenServiceTest, UsersManageOnlyTheirOwn) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  const Caller bob = add_user("bob@example.com", core::Role::kSales);
  auto anns = tokens_->create(ann, "mine", store::TokenScope::kReadWrite, std::nullopt);
  ASSERT_TRUE(anns.ok());
  EXPECT_EQ(tokens_->list(bob, ann.user_id).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(tokens_->revoke(bob, anns->record.id).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(auth_->authenticate_bearer("Bearer " + anns->secret, "x").ok());
  // Admins reach everyone's.
  EXPECT_EQ(tokens_->list(admin_, ann.user_id)->size(), 1u);
  EXPECT_TRUE(tokens_->revoke(admin_, anns->record.id).ok());
  EXPECT_TRUE(tokens_->list(ann, std::nullopt)->at(0).revoked_at.has_value());
}

TEST_F(TokenServiceTest, ReadOnlyTokensCannotMintTokens) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  auto ro = tokens_->create(ann, "ro", store::TokenScope::kRead, std::nullopt);
  ASSERT_TRUE(ro.ok());
  auto via_token = auth_->authenticate_bearer("Bearer " + ro->secret, "x");
  ASSERT_TRUE(via_token.ok());
  EXPECT_EQ(tokens_->create(*via_token, "escalate", store::TokenScope::kReadWrite, std::nullopt)
                .error()
                .kind,
            ErrorKind::kForbidden);
}

TEST_F(TokenServiceTest, BadInputIsRejected) {
  const Caller ann = add_user("ann@example.com", core::Role::kSales);
  EXPECT_EQ(tokens_->create(ann, "", store::TokenScope::kRead, std::nullopt).error().kind,
            ErrorKind::kInvalid);
  EXPECT_EQ(tokens_->create(ann, std::string(101, 'x'), store::TokenScope::kRead, std::nullopt)
                .error()
                .kind,
            ErrorKind::kInvalid);
  auto past = tokens_->create(ann, "old", store::TokenScope::kRead, now_);
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.error().fields.at(0).field, "expires_at");
  EXPECT_EQ(tokens_->revoke(ann, 12345).error().kind, ErrorKind::kNotFound);
  EXPECT_FALSE(store::parse_token_scope("admin").ok());
}

}  // namespace
}  // namespace rapport::services
