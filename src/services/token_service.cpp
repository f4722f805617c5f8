// API token use cases.
#include "services/token_service.hpp"

#include "core/audit_entry.hpp"
#include "core/user.hpp"
#include "services/audit_service.hpp"
#include "services/secret.hpp"

namespace rapport::services {
namespace {

using core::Action;
using core::ObjectType;

std::optional<std::int64_t> optional_id(std::int64_t id) { return id; }

}  // namespace

core::Result<CreatedToken> TokenService::create(
    const Caller& caller, std::string_view name, store::TokenScope scope,
    std::optional<std::chrono::sys_seconds> expires_at) {
  RAPPORT_ASSIGN_OR_RETURN(std::string clean, core::normalize_display_name(name, "name"));
  if (clean.size() > kMaxTokenNameBytes)
    return core::Error::field("name", "is longer than 100 bytes");
  const auto now = clock_();
  if (expires_at && *expires_at <= now) {
    return core::Error::field("expires_at", "must be in the future");
  }
  if (!audit_actor(caller)) {
    return core::Error::forbidden("a token belongs to a user: create it as that user");
  }
  const Secret secret = generate_secret(kApiTokenPrefix);
  std::optional<CreatedToken> created;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_TRY(authorize(caller, ObjectType::kTokens, Action::kCreate));
    store::ApiTokenRecord record;
    record.user_id = caller.user_id;
    record.name = clean;
    record.token_hash = secret.hash;
    record.scope = scope;
    record.created_at = now;
    record.expires_at = expires_at;
    RAPPORT_ASSIGN_OR_RETURN(record, tx.insert_token(record));
    created = CreatedToken{record, secret.text};
    return append_audit(
        tx, caller.user_id, caller.client_address, "create", "tokens", record.id,
        core::changes_to_json({{"name", std::nullopt, clean},
                               {"scope", std::nullopt, std::string(store::to_string(scope))}}),
        now);
  }));
  return std::move(*created);
}

core::Result<std::vector<store::ApiTokenRecord>> TokenService::list(
    const Caller& caller, std::optional<std::int64_t> user_id) {
  const std::int64_t owner = user_id.value_or(caller.user_id);
  std::vector<store::ApiTokenRecord> tokens;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Scope scope,
                             authorize(caller, ObjectType::kTokens, Action::kRead));
    if (scope != core::Scope::kAll && owner != caller.user_id) {
      return core::Error::forbidden("only admins list other users' tokens");
    }
    RAPPORT_ASSIGN_OR_RETURN(tokens, tx.list_tokens(owner));
    return core::ok_status();
  }));
  return tokens;
}

core::Status TokenService::revoke(const Caller& caller, std::int64_t token_id) {
  const auto now = clock_();
  return store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::Scope scope,
                             authorize(caller, ObjectType::kTokens, Action::kDelete));
    RAPPORT_ASSIGN_OR_RETURN(auto token, tx.find_token(token_id));
    // Another user's token is reported as missing, so ids reveal nothing.
    if (!token || !core::within_scope(scope, caller.user_id, std::nullopt,
                                      optional_id(token->user_id), std::nullopt)) {
      return core::Error::not_found("no such token");
    }
    if (token->revoked_at) return core::ok_status();
    RAPPORT_TRY(tx.revoke_token(token_id, now));
    return append_audit(tx, audit_actor(caller), caller.client_address, "revoke", "tokens",
                        token_id, "{}", now);
  });
}

}  // namespace rapport::services
