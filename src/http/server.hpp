// The HTTP/1.1 server: accepts connections on I/O threads, reads each request with a timeout and
// size limits, runs its route on a handler thread pool and writes the reply with standard headers.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace rapport::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (see Server::port)
  int io_threads = 2;
  int handler_threads = 4;  // blocking handlers (store calls) run here, not on the I/O threads
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);  // before every read/write
  std::size_t header_limit = 16 * 1024;  // request line + headers; more gets 431
  std::size_t max_connections = 1024;    // connections beyond this are closed at once
  bool behind_tls = false;  // a TLS proxy fronts the server: cookies get Secure, HSTS is sent
};

class Server {
 public:
  // The router (and the metrics, when given) must outlive the server. Routes are fixed once
  // start() has been called.
  Server(ServerConfig config, const Router& router, Metrics* metrics = nullptr);
  ~Server();  // stops as stop() does
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, then starts the threads. kInvalid for an address that is not an IP
  // literal, kUnavailable when it cannot be bound (in use, no permission).
  core::Status start();
  // The bound port (the one chosen when the config asked for 0); valid after start().
  std::uint16_t port() const;

  // Graceful stop: no new connections; idle connections close; requests in progress finish and
  // get their responses (with Connection: close); then the threads are joined. Idempotent.
  void stop();
  // Blocks until SIGINT or SIGTERM arrives (or stop() is called elsewhere), then stops.
  void run_until_signal();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport::http
