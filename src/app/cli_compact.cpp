// `rapport compact`: opens an existing database whose schema matches this binary (it never
// migrates or creates one) and runs Database::compact, printing each step.
#include "app/cli_compact.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "app/cli_options.hpp"
#include "app/database.hpp"

namespace rapport::app {

void add_compact_command(CLI::App& app) {
  auto database = std::make_shared<std::string>();
  auto* compact = app.add_subcommand(
      "compact",
      "Rewrite the database so that no file keeps an erased person's data. PostgreSQL: VACUUM "
      "FULL of the tables holding personal data, each locked (ACCESS EXCLUSIVE: no reads or "
      "writes) while it is rewritten, then CHECKPOINT when the role may. SQLite: full-text "
      "indexes merged, VACUUM (writes wait), WAL checkpoint. Run it in a "
      "maintenance window");
  add_database_option(*compact, *database);
  compact->callback([database] {
    run_action([&]() -> core::Status {
      RAPPORT_ASSIGN_OR_RETURN(
          auto db, open_database(*database, SchemaMode::kCheck, Presence::kMustExist));
      return db->compact(std::cout);
    });
  });
}

}  // namespace rapport::app
