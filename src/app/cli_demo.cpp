// `rapport demo --contacts N --seed S`: opens (and migrates) the database and loads the demo set
// as the local operator, reporting progress on standard error.
#include "app/cli_demo.hpp"

#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "app/cli_options.hpp"
#include "app/database.hpp"
#include "services/caller.hpp"
#include "services/demo_loader.hpp"
#include "services/password.hpp"

namespace rapport::app {
namespace {

struct DemoArgs {
  std::string database;
  std::size_t contacts = 2000;
  std::uint64_t seed = 1;
};

core::Status load(const DemoArgs& args) {
  RAPPORT_ASSIGN_OR_RETURN(auto db, open_database(args.database, SchemaMode::kMigrate));
  services::PasswordHasher hasher;
  services::UserService users(db->identity(), hasher, services::system_clock());
  services::TeamService teams(db->identity(), services::system_clock());
  std::size_t reported = 0;
  auto progress = [&](std::size_t done, std::size_t total) {
    if (done - reported >= 50'000 || done == total) {
      std::cerr << "demo: " << done << " / " << total << " records\n";
      reported = done;
    }
  };
  RAPPORT_ASSIGN_OR_RETURN(
      auto summary, services::load_demo(db->records(), users, teams, services::console_caller(),
                                        args.contacts, args.seed, progress));
  std::cout << "demo data loaded: " << summary.contacts << " contacts, " << summary.companies
            << " companies, " << summary.activities << " activities, " << summary.users
            << " new users, " << summary.teams << " new teams\n";
  return core::ok_status();
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto args = std::make_shared<DemoArgs>();
  auto* demo = app.add_subcommand("demo", "Load deterministic multilingual demo data");
  demo->footer(
      "Contacts, companies, users and teams from Thailand, the Netherlands, the Philippines, "
      "Taiwan, China and English-speaking countries, in their own scripts.\n"
      "Example: rapport demo --contacts 2000 --seed 1");
  add_database_option(*demo, args->database);
  demo->add_option("--contacts", args->contacts, "Number of contacts (companies: one per 20)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100'000'000}))
      ->capture_default_str();
  demo->add_option("--seed", args->seed, "Seed; the same seed gives the same data")
      ->capture_default_str();
  demo->callback([args] { run_action([&] { return load(*args); }); });
}

}  // namespace rapport::app
