// Tests for bearer secrets: shape, randomness, hashing, comparison and CSRF derivation.
#include "services/secret.hpp"

#include <gtest/gtest.h>

#include <set>

namespace rapport::services {
namespace {

TEST(Secret, HasPrefixAnd256BitsOfBase64url) {
  const Secret s = generate_secret(kApiTokenPrefix);
  EXPECT_TRUE(s.text.starts_with("rpt_"));
  EXPECT_EQ(s.text.size(), 4 + 43u);
  EXPECT_TRUE(has_secret_shape(s.text, kApiTokenPrefix));
  EXPECT_FALSE(has_secret_shape(s.text, kSessionPrefix));
  EXPECT_EQ(s.hash, hash_secret(s.text));
  EXPECT_EQ(s.hash.size(), 64u);
  EXPECT_EQ(s.hash.find(s.text.substr(4)), std::string::npos);
}

TEST(Secret, EveryOneIsDifferent) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(generate_secret(kSessionPrefix).text);
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Secret, ShapeCheckRejectsJunk) {
  const std::string good = generate_secret("rpt_").text;
  EXPECT_FALSE(has_secret_shape("", "rpt_"));
  EXPECT_FALSE(has_secret_shape(good.substr(0, good.size() - 1), "rpt_"));
  EXPECT_FALSE(has_secret_shape(good + "A", "rpt_"));
  std::string bad = good;
  bad[10] = '\'';
  EXPECT_FALSE(has_secret_shape(bad, "rpt_"));
}

TEST(Secret, HashIsBlake2b256) {
  // BLAKE2b-256 of the empty string.
  EXPECT_EQ(hash_secret(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(Secret, Comparison) {
  EXPECT_TRUE(secrets_equal("abc", "abc"));
  EXPECT_FALSE(secrets_equal("abc", "abd"));
  EXPECT_FALSE(secrets_equal("abc", "abcd"));
}

TEST(Secret, CsrfTokenIsStablePerSessionAndUnlinkable) {
  const Secret a = generate_secret(kSessionPrefix);
  const Secret b = generate_secret(kSessionPrefix);
  EXPECT_EQ(csrf_token_for(a.text), csrf_token_for(a.text));
  EXPECT_NE(csrf_token_for(a.text), csrf_token_for(b.text));
  EXPECT_NE(csrf_token_for(a.text), a.hash);
  EXPECT_EQ(csrf_token_for(a.text).size(), 43u);
}

}  // namespace
}  // namespace rapport::services
