// `rapport user …`: each action opens the database, acts as the local operator through the user
// and team services (so every change is validated and audited) and reports one line.
#include "app/cli_user.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "app/cli_options.hpp"
#include "app/database.hpp"
#include "app/password_input.hpp"
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

core::Result<std::unique_ptr<UserTools>> open_tools(const std::string& database) {
  RAPPORT_ASSIGN_OR_RETURN(auto db, open_database(database, SchemaMode::kMigrate));
  return std::make_unique<UserTools>(std::move(db));
}

// The id of the team called `name`, created when there is none yet (scripts set up teams and
// their members in one step).
core::Result<std::int64_t> team_id_for(UserTools& tools, const std::string& name) {
  const auto op = operator_caller();
  RAPPORT_ASSIGN_OR_RETURN(std::string wanted, core::normalize_team_name(name));
  RAPPORT_ASSIGN_OR_RETURN(auto teams, tools.teams.list(op));
  for (const auto& team : teams) {
    if (team.name == wanted) return team.id;
  }
  RAPPORT_ASSIGN_OR_RETURN(auto created, tools.teams.create(op, wanted));
  std::cerr << "created team " << created.id << " " << created.name << '\n';
  return created.id;
}

core::Status add_user(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto role, core::parse_role(args.role, "--role"));
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  services::UserDraft draft;
  draft.email = args.email;
  draft.role = role;
  draft.display_name = args.name.empty() ? args.email.substr(0, args.email.find('@')) : args.name;
  if (!args.team.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(draft.team_id, team_id_for(*tools, args.team));
  }
  RAPPORT_ASSIGN_OR_RETURN(draft.password, read_new_password("Password for " + args.email + ": "));
  RAPPORT_ASSIGN_OR_RETURN(auto user, tools->users.create(operator_caller(), draft));
  std::cout << "created user " << user.id << " " << user.email << " (" << core::to_string(user.role)
            << ")\n";
  return core::ok_status();
}

core::Status list_users(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  std::int64_t after = 0;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(auto page, tools->users.list(operator_caller(), after, 500));
    for (const auto& u : page.items) {
      std::cout << u.id << '\t' << u.email << '\t' << core::to_string(u.role) << '\t'
                << (u.team_id ? std::to_string(*u.team_id) : "-") << '\t'
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
  RAPPORT_TRY(tools->users.reset_password(operator_caller(), user.id, password));
  std::cout << "password changed for " << user.email << "; their sessions were ended\n";
  return core::ok_status();
}

core::Status deactivate_user(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  RAPPORT_ASSIGN_OR_RETURN(auto user, tools->users.find_by_email(args.email));
  services::UserPatch patch;
  patch.active = false;
  RAPPORT_ASSIGN_OR_RETURN(auto updated,
                           tools->users.update(operator_caller(), user.id, user.version, patch));
  std::cout << "deactivated " << updated.email << '\n';
  return core::ok_status();
}

core::Status unlock_user(const UserArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto tools, open_tools(args.database));
  RAPPORT_ASSIGN_OR_RETURN(auto user, tools->users.find_by_email(args.email));
  RAPPORT_ASSIGN_OR_RETURN(auto unlocked, tools->users.unlock(operator_caller(), user.id));
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

  auto* list = user->add_subcommand("list", "List users: id, e-mail, role, team, state, name");
  add_database_option(*list, args->database);
  list->callback([args] { run_action([&] { return list_users(*args); }); });

  email_action(*user, "passwd", "Set a user's password (read as for add) and end their sessions",
               args)
      ->callback([args] { run_action([&] { return change_password(*args); }); });
  email_action(*user, "deactivate", "Stop a user from signing in and end their sessions", args)
      ->callback([args] { run_action([&] { return deactivate_user(*args); }); });
  email_action(*user, "unlock", "Lift the lock left by too many failed logins", args)
      ->callback([args] { run_action([&] { return unlock_user(*args); }); });
}

}  // namespace rapport::app
