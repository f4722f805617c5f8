// Tests for argon2id password hashing (with libsodium's minimum cost, to stay quick).
#include "services/password.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace rapport::services {
namespace {

const PasswordParams kCheap{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};

TEST(Password, HashVerifies) {
  PasswordHasher hasher(kCheap);
  auto h = hasher.hash("correct horse battery");
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->starts_with("$argon2id$"));
  EXPECT_EQ(h->find("correct horse"), std::string::npos);
  EXPECT_TRUE(hasher.verify(*h, "correct horse battery"));
  EXPECT_FALSE(hasher.verify(*h, "correct horse batterz"));
  EXPECT_FALSE(hasher.verify(*h, ""));
}

TEST(Password, SaltsEveryHash) {
  PasswordHasher hasher(kCheap);
  EXPECT_NE(*hasher.hash("same password"), *hasher.hash("same password"));
}

TEST(Password, PolicyRejectsWithoutEchoingThePassword) {
  PasswordHasher hasher(kCheap);
  for (std::string bad :
       {std::string("short"), std::string(1025, 'x'), std::string("\xff\xfe long enough")}) {
    auto r = hasher.hash(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().fields.at(0).field, "password");
    EXPECT_EQ(r.error().message.find(bad), std::string::npos);
  }
  EXPECT_TRUE(hasher.hash("รหัสผ่านยาวพอ").ok());
}

TEST(Password, GarbageHashNeverVerifies) {
  PasswordHasher hasher(kCheap);
  EXPECT_FALSE(hasher.verify("", "whatever pass"));
  EXPECT_FALSE(hasher.verify("$argon2id$v=19$m=8,t=1,p=1$junk", "whatever pass"));
  EXPECT_FALSE(hasher.verify(std::string(500, 'a'), "whatever pass"));
  EXPECT_TRUE(hasher.needs_rehash("not a hash"));
}

TEST(Password, RehashWhenParametersChange) {
  PasswordHasher cheap(kCheap);
  PasswordHasher dearer({crypto_pwhash_OPSLIMIT_MIN + 1, crypto_pwhash_MEMLIMIT_MIN});
  auto h = cheap.hash("a long password");
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(cheap.needs_rehash(*h));
  EXPECT_TRUE(dearer.needs_rehash(*h));
  EXPECT_TRUE(dearer.verify(*h, "a long password"));
}

}  // namespace
}  // namespace rapport::services
