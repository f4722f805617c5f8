// The `rapport` program: one binary whose subcommands are the whole product (DESIGN.md).
#include <CLI/CLI.hpp>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Rapport — the open-source CRM", "rapport"};
  app.set_version_flag("--version", std::string("rapport ") + RAPPORT_VERSION);
  app.require_subcommand(1);
  rapport::app::add_commands(app);
  CLI11_PARSE(app, argc, argv);
  return rapport::app::exit_code();
}
