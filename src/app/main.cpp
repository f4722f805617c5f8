// The `rapport` program: one binary whose subcommands are the whole product (DESIGN.md).
#include <CLI/CLI.hpp>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Rapport — the open-source CRM", "rapport"};
  app.set_version_flag("--version", std::string("rapport ") + RAPPORT_VERSION);
  app.require_subcommand(1);
  rapport::app::add_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with 0; a bad option or argument is a usage error, which
    // exits 2 like any invalid input (not CLI11's own codes, 105-115).
    return app.exit(e) == 0 ? 0 : 2;
  }
  return rapport::app::exit_code();
}
