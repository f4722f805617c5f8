// The list of subcommands. Add a new one here with its add_*_command function.
#include "app/commands.hpp"

#include "app/cli_analytics.hpp"
#include "app/cli_compact.hpp"
#include "app/cli_demo.hpp"
#include "app/cli_migrate.hpp"
#include "app/cli_serve.hpp"
#include "app/cli_token.hpp"
#include "app/cli_user.hpp"

namespace rapport::app {
namespace {
int g_exit_code = 0;
}  // namespace

void add_commands(CLI::App& app) {
  add_analytics_command(app);
  add_compact_command(app);
  add_demo_command(app);
  add_migrate_command(app);
  add_serve_command(app);
  add_user_command(app);
  add_token_command(app);
}

int exit_code() { return g_exit_code; }
void set_exit_code(int code) { g_exit_code = code; }

}  // namespace rapport::app
