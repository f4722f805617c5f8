// `rapport serve [--listen ADDR:PORT] [--database …] [--threads N] [--tls-terminated]
// [--read-timeout S] [--rate-limit R] [--rate-burst N] [--login-rate-limit R] [--login-burst N]
// [--trusted-proxy ADDR…] [--metrics-allow CIDR…] [--default-region XX] [--web DIR]`, each also
// from RAPPORT_<FLAG> (RAPPORT_LISTEN, RAPPORT_RATE_LIMIT, …).
#include "app/cli_serve.hpp"

#include <charconv>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/api_wiring.hpp"
#include "app/cli_migrate.hpp"
#include "app/cli_options.hpp"
#include "app/database.hpp"
#include "app/session_sweeper.hpp"
#include "http/forwarded.hpp"
#include "http/server.hpp"
#include "http/web_assets.hpp"

namespace rapport::app {
namespace {

// Expired sessions are refused whenever presented; sweeping them is housekeeping, so a few
// minutes' delay costs nothing.
constexpr std::chrono::minutes kSessionSweepInterval{10};

struct ServeArgs {
  std::string database;
  std::string listen = "127.0.0.1:8080";
  int threads = 8;
  int read_timeout = 30;  // seconds
  bool tls_terminated = false;
  RateLimits limits;
  std::vector<std::string> trusted_proxies;
  std::vector<std::string> metrics_allow;
  std::string default_region;
  // The built web app; by default the source tree's web/dist, which may not be built yet.
  std::string web = RAPPORT_WEB_DIR;
  bool web_given = false;
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

// A rate of 0 turns limiting off; otherwise a bucket must hold at least one request.
core::Status check_limits(RateLimits& limits) {
  if (limits.api.per_second < 0 || limits.login.per_second < 0) {
    return core::Error::field("--rate-limit", "rates cannot be negative");
  }
  if (limits.api.per_second == 0) {
    limits.enabled = false;
    return core::ok_status();
  }
  if (limits.login.per_second == 0) {
    return core::Error::field("--login-rate-limit", "must be above 0 while --rate-limit is");
  }
  if (limits.api.burst < 1 || limits.login.burst < 1) {
    return core::Error::field("--rate-burst", "bursts must be at least 1");
  }
  return core::ok_status();
}

core::Status serve(ServeArgs args) {
  http::ServerConfig config;
  RAPPORT_TRY(parse_listen(args.listen, config));
  if (args.threads < 1 || args.threads > 256) {
    return core::Error::field("--threads", "must be between 1 and 256");
  }
  config.handler_threads = args.threads;
  if (args.read_timeout < 1 || args.read_timeout > 3600) {
    return core::Error::field("--read-timeout", "must be between 1 and 3600 seconds");
  }
  config.read_timeout = std::chrono::seconds(args.read_timeout);
  config.behind_tls = args.tls_terminated;
  RAPPORT_TRY(check_limits(args.limits));
  RAPPORT_TRY(http::check_trusted_proxies(args.trusted_proxies));
  RAPPORT_TRY(check_default_region(args.default_region));
  ApiOptions options;
  options.secure_cookie = args.tls_terminated;
  options.limits = args.limits;
  options.trusted_proxies = args.trusted_proxies;
  options.default_region = args.default_region;
  for (const auto& cidr : args.metrics_allow) RAPPORT_TRY(options.metrics_scrapers.add(cidr));
  RAPPORT_ASSIGN_OR_RETURN(auto db, open_database(args.database, SchemaMode::kMigrate));
  RAPPORT_TRY(upgrade_stored_data(*db, args.default_region, std::cerr));
  Api api(*db, std::move(options));
  auto web = http::WebAssets::load(args.web);
  if (web.ok()) {
    http::add_web_app(api.router(), *web);
  } else if (args.web_given) {
    return std::move(web).error();
  } else {
    std::cerr << "rapport: no web app in " << args.web << " (make build builds it); serving the "
              << "API only\n";
  }
  http::Server server(config, api.router(), &api.metrics());
  RAPPORT_TRY(server.start());
  SessionSweeper sweeper([&api] { return api.auth().sweep_expired_sessions(); },
                         kSessionSweepInterval);
  std::cerr << "rapport: serving " << db->engine() << " schema " << db->schema_version()
            << " on http://" << config.address << ":" << server.port() << "/\n";
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
  serve_cmd
      ->add_option("--threads", args->threads,
                   "request handler threads (writers waiting on SQLite share one commit)")
      ->envname("RAPPORT_THREADS");
  serve_cmd
      ->add_option("--read-timeout", args->read_timeout,
                   "seconds a client may take over each read or write before it is disconnected")
      ->envname("RAPPORT_READ_TIMEOUT")
      ->capture_default_str();
  serve_cmd
      ->add_flag("--tls-terminated", args->tls_terminated,
                 "a TLS proxy fronts the server: cookies get Secure")
      ->envname("RAPPORT_TLS_TERMINATED");
  serve_cmd
      ->add_option("--rate-limit", args->limits.api.per_second,
                   "API requests per second per client address (0: no rate limits)")
      ->envname("RAPPORT_RATE_LIMIT")
      ->capture_default_str();
  serve_cmd
      ->add_option("--rate-burst", args->limits.api.burst,
                   "API requests a client address may make at once after a quiet spell")
      ->envname("RAPPORT_RATE_BURST")
      ->capture_default_str();
  serve_cmd
      ->add_option("--login-rate-limit", args->limits.login.per_second,
                   "logins (POST /api/v1/session) per second per client address")
      ->envname("RAPPORT_LOGIN_RATE_LIMIT")
      ->capture_default_str();
  serve_cmd
      ->add_option("--login-burst", args->limits.login.burst,
                   "logins a client address may make at once after a quiet spell")
      ->envname("RAPPORT_LOGIN_BURST")
      ->capture_default_str();
  serve_cmd
      ->add_option("--trusted-proxy", args->trusted_proxies,
                   "IP address of a reverse proxy in front of the server (repeatable): requests "
                   "from it are attributed to the client X-Forwarded-For names, for rate limits, "
                   "login throttling and the audit log")
      ->envname("RAPPORT_TRUSTED_PROXY")
      ->delimiter(',');
  serve_cmd
      ->add_option("--metrics-allow", args->metrics_allow,
                   "a network (CIDR) whose clients may read /metrics without credentials, besides "
                   "loopback; repeatable")
      ->envname("RAPPORT_METRICS_ALLOW")
      ->delimiter(',');
  add_default_region_option(*serve_cmd, args->default_region);
  auto* web = serve_cmd
                  ->add_option("--web", args->web,
                               "directory of the built web app (index.html and assets/)")
                  ->envname("RAPPORT_WEB")
                  ->capture_default_str();
  serve_cmd->callback([args, web] {
    args->web_given = web->count() > 0;
    run_action([&] { return serve(*args); });
  });
}

}  // namespace rapport::app
