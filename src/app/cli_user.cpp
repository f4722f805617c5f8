// `rapport user …`: each action opens the database, acts as the local operator through the user
// and team services (so every change is validated and audited) and reports one line.
#include "app/cli_user.hpp"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "app/cli_options.hpp"
#include "app/database.hpp"
#include "app/password_input.hpp"
#include "services/caller.hpp"
#include "services/password.hpp"
#include "services/team_service.hpp"
#include "services/user_service.hpp"

namespace rapport::app {
namespace {

struct UserArgs {
  std::string database;
  std::string email;
  std::string role = "read_only";
  std::string team;
  std::string name;
};

// The services one invocation needs, over the opened database.
struct UserTools {
  std::unique_ptr<Database> db;
  services::PasswordHasher hasher;
  services::UserService users;
  services::TeamService teams;

  explicit UserTools(std::unique_ptr<Database> opened)
      : db(std::move(opened)),
        users(db->identity(), hasher, services::system_clock()),
        teams(db->identity(), services::system_clock()) {}
};

core::Result<std::unique_ptr<UserTools>> open_tools(const std::string& database,
                                                    Presence presence = Presence::kMustExist) {
  RAPPORT_ASSIGN_OR_RETURN(auto db, open_database(database, SchemaMode::kMigrate, presence));
  return std::make_unique<UserTools>(std::move(db));
}

core::Status add_user(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto role, core::parse_role(args.role, "--role"));
  // The first admin is added to a database that does not exist yet.
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database, Presence::kCreate));
  services::UserDraft draft;
  draft.email = args.email;
  draft.role = role;
  draft.display_name = args.name.empty() ? args.email.substr(0, args.email.find('@')) : args.name;
  RAPPORT_ASSIGN_OR_RETURN(draft.password, read_new_password("Password for " + args.email + ": "));
  // The team by name, created when missing, in the user's own transaction: a refused user leaves
  // no team behind.
  RAPPORT_ASSIGN_OR_RETURN(auto user,
                           tools->users.create(services::console_caller(), draft, args.team));
  std::cout << "created user " << user.id << " " << user.email << " (" << core::to_string(user.role)
            << ")";
  if (!args.team.empty()) std::cout << " in team " << args.team;
  std::cout << '\n';
  return core::ok_status();
}

core::Status list_users(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  RAPPORT_ASSIGN_OR_RETURN(auto teams, tools->teams.list(services::console_caller()));
  std::map<std::int64_t, std::string> team_names;
  for (const auto& team : teams) team_names.emplace(team.id, team.name);
  std::cout << "ID\tEMAIL\tROLE\tTEAM\tSTATE\tNAME\n";
  std::int64_t after = 0;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(auto page, tools->users.list(services::console_caller(), after, 500));
    for (const auto& u : page.items) {
      const auto team = u.team_id ? team_names.find(*u.team_id) : team_names.end();
      std::cout << u.id << '\t' << u.email << '\t' << core::to_string(u.role) << '\t'
                << (team != team_names.end() ? team->second : "-") << '\t'
                << (u.active ? "active" : "deactivated") << (u.locked ? ",locked" : "") << '\t'
                << u.display_name << '\n';
    }
    if (!page.next) return core::ok_status();
    after = *page.next;
  }
}

core::Status change_password(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  RAPPORT_ASSIGN_OR_RETURN(auto user, tools->users.find_by_email(args.email));
  RAPPORT_ASSIGN_OR_RETURN(auto password,
                           read_new_password("New password for " + user.email + ": "));
  RAPPORT_TRY(tools->users.reset_password(services::console_caller(), user.id, password));
  std::cout << "password changed for " << user.email << "; their sessions were ended\n";
  return core::ok_status();
}

core::Status deactivate_user(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  RAPPORT_ASSIGN_OR_RETURN(auto user, tools->users.find_by_email(args.email));
  services::UserPatch patch;
  patch.active = false;
  RAPPORT_ASSIGN_OR_RETURN(
      auto updated, tools->users.update(services::console_caller(), user.id, user.version, patch));
  std::cout << "deactivated " << updated.email << '\n';
  return core::ok_status();
}

core::Status unlock_user(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  RAPPORT_ASSIGN_OR_RETURN(auto user, tools->users.find_by_email(args.email));
  RAPPORT_ASSIGN_OR_RETURN(auto unlocked, tools->users.unlock(services::console_caller(), user.id));
  std::cout << "unlocked " << unlocked.email << '\n';
  return core::ok_status();
}

CLI::App* email_action(CLI::App& parent, const char* name, const char* about,
                       const std::shared_ptr<UserArgs>& args) {
  auto* sub = parent.add_subcommand(name, about);
  sub->add_option("email", args->email, "the user's e-mail address")->required();
  add_database_option(*sub, args->database);
  return sub;
}

}  // namespace

void add_user_command(CLI::App& app) {
  auto args = std::make_shared<UserArgs>();
  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);

  auto* add = email_action(*user, "add",
                           "Create a user; the password is read from standard input when it is "
                           "not a terminal, else prompted for without echo",
                           args);
  add->add_option("--role", args->role, "admin, manager, sales, support, marketing or read_only")
      ->required();
  add->add_option("--team", args->team, "team name (created when it does not exist)");
  add->add_option("--name", args->name, "display name (default: the e-mail's local part)");
  add->callback([args] { run_action([&] { return add_user(*args); }); });

  auto* list = user->add_subcommand("list", "List users: id, e-mail, role, team name, state, name");
  add_database_option(*list, args->database);
  list->callback([args] { run_action([&] { return list_users(*args); }); });

  email_action(*user, "passwd",
               "Set a user's password (read as for add), end their sessions, revoke their tokens",
               args)
      ->callback([args] { run_action([&] { return change_password(*args); }); });
  email_action(*user, "deactivate",
               "Stop a user from signing in, end their sessions, revoke their tokens", args)
      ->callback([args] { run_action([&] { return deactivate_user(*args); }); });
  email_action(*user, "unlock", "End the sign-in delays failed logins caused (and an old lock)",
               args)
      ->callback([args] { run_action([&] { return unlock_user(*args); }); });
}

}  // namespace rapport::app
