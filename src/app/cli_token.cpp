// `rapport token …`: a token is created as its user (so the role's limits apply and the audit
// log names them); the secret is printed alone on standard output, once, for scripts to capture.
#include "app/cli_token.hpp"

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "app/cli_options.hpp"
#include "app/database.hpp"
#include "services/caller.hpp"
#include "services/password.hpp"
#include "services/token_service.hpp"
#include "services/user_service.hpp"

namespace rapport::app {
namespace {

struct TokenArgs {
  std::string database;
  std::string user;
  std::string scope = "read";
  std::string name = "command line";
  int expires_days = 0;
  std::int64_t token_id = 0;
};

core::Result<core::User> find_user(Database& db, const std::string& email) {
  services::PasswordHasher hasher;
  services::UserService users(db.identity(), hasher, services::system_clock());
  return users.find_by_email(email);
}

core::Status create_token(const TokenArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto scope, store::parse_token_scope(args.scope));
  if (args.expires_days < 0) return core::Error::field("--expires-days", "must be 0 or more");
  RAPPORT_ASSIGN_OR_RETURN(
      auto db, open_database(args.database, SchemaMode::kMigrate, Presence::kMustExist));
  RAPPORT_ASSIGN_OR_RETURN(auto user, find_user(*db, args.user));
  std::optional<std::chrono::sys_seconds> expires;
  const auto clock = services::system_clock();
  if (args.expires_days > 0) expires = clock() + std::chrono::days(args.expires_days);
  services::TokenService tokens(db->identity(), clock);
  RAPPORT_ASSIGN_OR_RETURN(auto created, tokens.create(services::caller_for(user, "console"),
                                                       args.name, scope, expires));
  std::cerr << "token " << created.record.id << " for " << user.email << " ("
            << store::to_string(scope) << "); it is shown only now\n";
  std::cout << created.secret << '\n';
  return core::ok_status();
}

core::Status list_tokens(const TokenArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto db, open_database(args.database, SchemaMode::kMigrate, Presence::kMustExist));
  RAPPORT_ASSIGN_OR_RETURN(auto user, find_user(*db, args.user));
  services::TokenService tokens(db->identity(), services::system_clock());
  RAPPORT_ASSIGN_OR_RETURN(auto list, tokens.list(services::console_caller(), user.id));
  std::cout << "ID\tSCOPE\tSTATE\tNAME\n";
  for (const auto& t : list) {
    std::cout << t.id << '\t' << store::to_string(t.scope) << '\t'
              << (t.revoked_at ? "revoked" : "active") << '\t' << t.name << '\n';
  }
  return core::ok_status();
}

core::Status revoke_token(const TokenArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto db, open_database(args.database, SchemaMode::kMigrate, Presence::kMustExist));
  services::TokenService tokens(db->identity(), services::system_clock());
  RAPPORT_TRY(tokens.revoke(services::console_caller(), args.token_id));
  std::cout << "revoked token " << args.token_id << '\n';
  return core::ok_status();
}

}  // namespace

void add_token_command(CLI::App& app) {
  auto args = std::make_shared<TokenArgs>();
  auto* token = app.add_subcommand("token", "Manage personal API tokens");
  token->require_subcommand(1);

  auto* create = token->add_subcommand(
      "create", "Create a token for a user and print it alone on standard output");
  create->add_option("--user", args->user, "the owner's e-mail address")->required();
  create->add_option("--scope", args->scope, "read or read-write")->required();
  create->add_option("--name", args->name, "what the token is for");
  create->add_option("--expires-days", args->expires_days, "days until it expires (0: never)");
  add_database_option(*create, args->database);
  create->callback([args] { run_action([&] { return create_token(*args); }); });

  auto* list = token->add_subcommand("list", "List a user's tokens: id, scope, state, name");
  list->add_option("--user", args->user, "the owner's e-mail address")->required();
  add_database_option(*list, args->database);
  list->callback([args] { run_action([&] { return list_tokens(*args); }); });

  auto* revoke = token->add_subcommand("revoke", "Revoke a token by its id");
  revoke->add_option("id", args->token_id, "the token's id (see token list)")->required();
  add_database_option(*revoke, args->database);
  revoke->callback([args] { run_action([&] { return revoke_token(*args); }); });
}

}  // namespace rapport::app
