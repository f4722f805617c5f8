// argon2id password hashing through libsodium.
#include "services/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/text_rules.hpp"
#include "services/sodium_init.hpp"

namespace rapport::services {

core::Status check_password_policy(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return core::Error::field("password", "must be at least 10 bytes long");
  }
  if (password.size() > kMaxPasswordBytes) {
    return core::Error::field("password", "must be at most 1024 bytes long");
  }
  if (!core::is_valid_utf8(password)) return core::Error::field("password", "is not valid UTF-8");
  return core::ok_status();
}

PasswordHasher::PasswordHasher(PasswordParams params) : params_(params) {
  ensure_sodium();
  auto dummy = hash("a password nobody has");
  if (!dummy.ok()) throw std::runtime_error("argon2id hashing is unavailable");
  dummy_hash_ = std::move(dummy).value();
}

core::Result<std::string> PasswordHasher::hash(std::string_view password) const {
  RAPPORT_TRY(check_password_policy(password));
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), params_.opslimit,
                        params_.memlimit) != 0) {
    return core::Error::internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool PasswordHasher::verify(std::string_view stored_hash, std::string_view password) const {
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  // crypto_pwhash_str_verify needs a NUL-terminated hash.
  const std::string terminated(stored_hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_nothing(std::string_view password) const {
  static_cast<void>(verify(dummy_hash_, password));
}

bool PasswordHasher::needs_rehash(std::string_view stored_hash) const {
  const std::string terminated(stored_hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), params_.opslimit, params_.memlimit) !=
         0;
}

}  // namespace rapport::services
