// `rapport migrate [--default-region XX]`: opening with SchemaMode::kMigrate applies every pending
// migration (and refuses a newer schema); the upgrade steps follow; the command reports the
// version reached and every stored value an upgrade step changed.
#include "app/cli_migrate.hpp"
#include "core/kind_descriptor.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "app/cli_options.hpp"
#include "services/phone_reread.hpp"
#include "services/record_reindex.hpp"

namespace rapport::app {

core::Status upgrade_stored_data(Database& db, const std::string& default_region,
                                 std::ostream& report) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto changes,
      services::reread_stored_phones(db.records(), default_region, services::system_clock()));
  for (const auto& c : changes) {
    report << "rapport: contact " << c.contact_id << ": phone \"" << c.number << "\" read in "
           << c.region << " is " << c.after << " (was " << c.before << ")\n";
  }
  if (!changes.empty()) {
    report << "rapport: " << changes.size() << " stored phone number"
           << (changes.size() == 1 ? "" : "s") << " read again in their region\n";
  }
  RAPPORT_ASSIGN_OR_RETURN(auto indexed, services::reindex_stored_records(db.records()));
  if (indexed.total() > 0) {
    report << "rapport: stored records indexed again (search text, places, sort keys):";
    for (core::RecordKind kind : core::kRecordKinds) {
      report << " " << indexed.of(kind) << " " << core::describe(kind).collection;
    }
    report << "\n";
  }
  return core::ok_status();
}

void add_migrate_command(CLI::App& app) {
  auto database = std::make_shared<std::string>();
  auto region = std::make_shared<std::string>();
  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
  add_database_option(*migrate, *database);
  add_default_region_option(*migrate, *region);
  migrate->callback([database, region] {
    run_action([&]() -> core::Status {
      RAPPORT_TRY(check_default_region(*region));
      RAPPORT_ASSIGN_OR_RETURN(auto db, open_database(*database, SchemaMode::kMigrate));
      RAPPORT_TRY(upgrade_stored_data(*db, *region, std::cout));
      std::cout << db->engine() << " schema at version " << db->schema_version() << '\n';
      return core::ok_status();
    });
  });
}

}  // namespace rapport::app
