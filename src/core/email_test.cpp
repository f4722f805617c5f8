// Tests of email normalisation.
#include "core/email.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(Email, TrimsAndLowerCases) {
  EXPECT_EQ(*normalize_email("  Somchai.J@Example.CO.TH \n"), "somchai.j@example.co.th");
  EXPECT_EQ(*normalize_email("Ängel@Bücher.DE"), "ängel@bücher.de");
}

TEST(Email, RejectsMalformedWithAFieldError) {
  for (const char* bad :
       {"", "no-at.example.com", "a@b", "a@@b.com", "a b@c.com", ".a@b.com", "a..b@c.com",
        "a@.b.com", "a@b..com", "a@b.com.", "\xff@b.com", "<a@b.com>"}) {
    auto email = normalize_email(bad, "emails/0/address");
    ASSERT_FALSE(email.ok()) << bad;
    ASSERT_EQ(email.error().fields.size(), 1u);
    EXPECT_EQ(email.error().fields[0].field, "emails/0/address");
  }
  EXPECT_FALSE(normalize_email(std::string(65, 'a') + "@b.com").ok());
}

}  // namespace
}  // namespace rapport::core
