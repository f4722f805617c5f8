// `rapport serve [--listen ADDR:PORT] [--database …] [--threads N] [--tls-terminated]`, each
// also from RAPPORT_LISTEN, RAPPORT_DATABASE, RAPPORT_THREADS, RAPPORT_TLS_TERMINATED.
#include "app/cli_serve.hpp"

#include <charconv>
#include <iostream>
#include <memory>
#include <string>

#include "app/api_wiring.hpp"
#include "app/cli_options.hpp"
#include "app/database.hpp"
#include "http/server.hpp"

namespace rapport::app {
namespace {

struct ServeArgs {
  std::string database;
  std::string listen = "127.0.0.1:8080";
  int threads = 4;
  bool tls_terminated = false;
};

// "ADDRESS:PORT" (an IPv6 address in brackets) into the server config.
core::Status parse_listen(std::string_view text, http::ServerConfig& config) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return core::Error::field("--listen", "must be ADDRESS:PORT, e.g. 127.0.0.1:8080");
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string_view port_text = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    return core::Error::field("--listen", "the port must be a number from 0 to 65535");
  }
  config.address = std::string(host);
  config.port = static_cast<std::uint16_t>(port);
  return core::ok_status();
}

core::Status serve(const ServeArgs& args) {
  http::ServerConfig config;
  RAPPORT_TRY(parse_listen(args.listen, config));
  if (args.threads < 1 || args.threads > 256) {
    return core::Error::field("--threads", "must be between 1 and 256");
  }
  config.handler_threads = args.threads;
  config.behind_tls = args.tls_terminated;
  RAPPORT_ASSIGN_OR_RETURN(auto db, open_database(args.database, SchemaMode::kMigrate));
  Api api(*db, args.tls_terminated);
  http::Server server(config, api.router(), &api.metrics());
  RAPPORT_TRY(server.start());
  std::cerr << "rapport: serving " << db->engine() << " schema " << db->schema_version()
            << " on http://" << config.address << ":" << server.port() << "/api/v1/\n";
  server.run_until_signal();
  return core::ok_status();
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  auto* serve_cmd = app.add_subcommand("serve", "Serve the JSON API (migrates the database first)");
  add_database_option(*serve_cmd, args->database);
  serve_cmd->add_option("--listen", args->listen, "ADDRESS:PORT to listen on (port 0: any free)")
      ->envname("RAPPORT_LISTEN");
  serve_cmd->add_option("--threads", args->threads, "request handler threads")
      ->envname("RAPPORT_THREADS");
  serve_cmd
      ->add_flag("--tls-terminated", args->tls_terminated,
                 "a TLS proxy fronts the server: cookies get Secure")
      ->envname("RAPPORT_TLS_TERMINATED");
  serve_cmd->callback([args] { run_action([&] { return serve(*args); }); });
}

}  // namespace rapport::app
