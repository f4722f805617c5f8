// `rapport migrate`: brings the database schema to this binary's version, then runs the data
// upgrade steps that need the program's rules (reading stored phone numbers again).
#pragma once

#include <CLI/App.hpp>

#include <ostream>
#include <string>

#include "app/database.hpp"
#include "core/result.hpp"

namespace rapport::app {

void add_migrate_command(CLI::App& app);

// The upgrade steps after the schema migrations, each run once per database: stored phone
// numbers read again from their typed form (services/phone_reread.hpp) with `default_region`
// while none is stored, then every stored contact and company indexed again when an upgrade or a
// new ICU collation asks for it (services/record_reindex.hpp). Writes one line per changed
// number, and the counts indexed, to `report`. Also run by `serve`.
core::Status upgrade_stored_data(Database& db, const std::string& default_region,
                                 std::ostream& report);

}  // namespace rapport::app
