// `rapport migrate`: opening with SchemaMode::kMigrate applies every pending migration (and
// refuses a newer schema); the command reports the version reached.
#include "app/cli_migrate.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "app/cli_options.hpp"
#include "app/database.hpp"

namespace rapport::app {

void add_migrate_command(CLI::App& app) {
  auto database = std::make_shared<std::string>();
  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
  add_database_option(*migrate, *database);
  migrate->callback([database] {
    run_action([&]() -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(auto db, open_database(*database, SchemaMode::kMigrate));
      std::cout << db->engine() << " schema at version " << db->schema_version() << '\n';
      return core::ok_status();
    });
  });
}

}  // namespace rapport::app
