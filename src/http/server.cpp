// The Beast server in the style of Beast's example/http/server/awaitable: one coroutine per
// connection on its own strand, reading one request at a time, so pipelined requests wait in the
// socket buffer and nothing queues without bound.
#include "http/server.hpp"

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/url/parse.hpp>
#include <csignal>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/failure_log.hpp"
#include "http/problem.hpp"

namespace rapport::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

constexpr std::string_view kApiPolicy = "default-src 'none'; frame-ancestors 'none'";

// Converts a handler's Response into the Beast message, adding the headers every answer carries.
// A header the handler set itself (e.g. a web page's own Content-Security-Policy) is kept.
bhttp::response<bhttp::string_body> to_message(Response response, unsigned version, bool keep_alive,
                                               bool behind_tls, bool head) {
  bhttp::response<bhttp::string_body> msg{response.status(), version};
  msg.set(bhttp::field::server, "rapport");
  if (!response.content_type().empty())
    msg.set(bhttp::field::content_type, response.content_type());
  for (const auto& [name, value] : response.headers()) msg.set(name, value);
  auto set_default = [&](std::string_view name, std::string_view value) {
    if (msg.find(name) == msg.end()) msg.set(name, value);
  };
  set_default("X-Content-Type-Options", "nosniff");
  set_default("Referrer-Policy", "no-referrer");
  set_default("X-Frame-Options", "DENY");
  set_default("Content-Security-Policy", kApiPolicy);
  set_default("Cache-Control", "no-store");
  if (behind_tls) set_default("Strict-Transport-Security", "max-age=31536000");
  msg.body() = response.body();
  msg.keep_alive(keep_alive);
  msg.prepare_payload();
  // HEAD: the headers GET would send, Content-Length included, and no body.
  if (head) msg.body().clear();
  return msg;
}

// A lingering close (RFC 9112 §9.6): after the last response the server stops sending, then reads
// and discards what the client is still sending before it closes. Closing a socket with unread
// input makes the kernel send a reset, which can destroy the response before the client reads
// it, so a client still uploading a body we refused would see a network error, not the 413.
// Bounded so that a client that never stops sending cannot hold the connection.
constexpr auto kLingerTotal = std::chrono::seconds(10);
constexpr auto kLingerIdle = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 64 * 1024 * 1024;

// The raw header block (request line and fields, up to the blank line) holds an obs-fold: a line
// that starts with a space or a tab continues the one before it. Beast joins such lines, so
// the fold is only visible before it parses them.
bool has_obs_fold(std::string_view block) {
  for (std::size_t at = block.find("\r\n"); at != std::string_view::npos;
       at = block.find("\r\n", at + 2)) {
    if (at + 2 < block.size() && (block[at + 2] == ' ' || block[at + 2] == '\t')) return true;
  }
  return false;
}

// Why a request's framing cannot be trusted (RFC 9112 §6.1-6.3), or nullopt. Beast takes a
// Transfer-Encoding other than a final `chunked` as "no body" and the body's bytes as the next
// request; a front end that reads the framing differently would then smuggle a request past it.
// So the only transfer coding accepted is exactly `chunked`, never beside Content-Length, and
// Content-Length must be one field with one value.
std::optional<std::string> framing_problem(const bhttp::request_header<>& header, bool folded) {
  if (folded) return "a header line is folded (obs-fold), which HTTP/1.1 no longer allows";
  std::size_t codings = 0;
  std::size_t lengths = 0;
  bool chunked = true;
  for (const auto& field : header) {
    if (field.name() == bhttp::field::transfer_encoding) {
      ++codings;
      chunked = chunked && beast::iequals(field.value(), "chunked");
    } else if (field.name() == bhttp::field::content_length) {
      ++lengths;
      if (field.value().find(',') != std::string_view::npos) ++lengths;
    }
  }
  if (lengths > 1) return "Content-Length is given more than once";
  if (codings == 0) return std::nullopt;
  if (header.version() < 11) return "Transfer-Encoding is not allowed in an HTTP/1.0 request";
  if (codings > 1 || !chunked) return "the only Transfer-Encoding accepted is chunked";
  if (lengths > 0) return "Content-Length and Transfer-Encoding cannot be given together";
  return std::nullopt;
}

Response too_large(std::size_t limit) {
  return problem_response(core::Error::too_large("the body is over this route's limit of " +
                                                 std::to_string(limit) + " bytes"));
}

}  // namespace

struct Server::Impl {
  Impl(ServerConfig c, const Router& r, Metrics* m)
      : config(std::move(c)),
        router(r),
        metrics(m),
        ioc(std::max(1, config.io_threads)),
        handlers(static_cast<std::size_t>(std::max(1, config.handler_threads))),
        acceptor(ioc) {}

  ServerConfig config;
  const Router& router;
  Metrics* metrics;
  asio::io_context ioc;
  asio::thread_pool handlers;
  tcp::acceptor acceptor;
  std::optional<asio::signal_set> signals;
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::mutex stop_mutex;
  bool stopped = false;
  bool started = false;

  std::mutex connections_mutex;
  std::uint64_t next_id = 0;
  std::map<std::uint64_t, std::weak_ptr<beast::tcp_stream>> connections;

  // Runs a matched route on the handler pool; exceptions become a logged 500.
  Response run_route(const Route& route, Request& request) {
    try {
      return router.dispatch(route, request);
    } catch (const std::exception& e) {
      log_handler_exception(route.pattern, e.what());
    } catch (...) {
      log_handler_exception(route.pattern, "an exception not derived from std::exception");
    }
    return problem_response(core::Error::internal("handler threw"));
  }

  // Reads the body (when the route allows one that size) and produces the response. Sets
  // `close` when the connection cannot carry another request.
  asio::awaitable<Response> answer(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                   bhttp::request_parser<bhttp::string_body>& parser,
                                   Request& request, bool& close) {
    const auto& header = parser.get();
    request.method = header.method();
    request.target = std::string(header.target());
    // The query is kept raw and split by decode_query: browsers leave '[' and ']' unencoded
    // there, which origin-form parsing would reject.
    const std::string_view target = request.target;
    const std::size_t question = target.find('?');
    if (question != std::string_view::npos)
      request.query = std::string(target.substr(question + 1));
    auto url = boost::urls::parse_origin_form(target.substr(0, question));
    std::vector<std::string> segments;
    if (url) {
      request.path = url->path();
      for (auto segment : url->segments()) segments.push_back(segment);
    }
    RouteMatch match;
    if (url) match = router.match(request.method, segments);
    const std::size_t limit = match.route ? match.route->options.body_limit : kDefaultBodyLimit;
    // Beast checks Content-Length against the limit only while parsing the header, before the
    // route is known, so the declared length is checked here; chunked bodies are counted by the
    // parser against the limit set now.
    parser.body_limit(limit);
    const auto declared = parser.content_length();
    if (declared && *declared > limit) {
      close = true;
      co_return too_large(limit);
    }
    if (!parser.is_done()) {
      error_code ec;
      stream.expires_after(config.read_timeout);
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::body_limit) {
        close = true;
        co_return too_large(limit);
      }
      if (ec) {
        log_connection_error("read", ec);
        close = true;
        co_return problem_response(core::Error::invalid("the request body could not be read"));
      }
    }
    if (!url)
      co_return problem_response(core::Error::invalid("the request target is not a valid path"));
    if (!match.route) co_return no_route_response(match);
    request.route_pattern = match.route->pattern;
    request.options = match.route->options;
    request.path_params = std::move(match.params);
    request.headers = static_cast<const bhttp::fields&>(header);
    request.body = std::move(parser.get().body());
    const Route& route = *match.route;
    co_return co_await asio::co_spawn(
        handlers,
        [this, &route, &request]() -> asio::awaitable<Response> {
          co_return run_route(route, request);
        },
        asio::use_awaitable);
  }

  asio::awaitable<void> session(std::shared_ptr<beast::tcp_stream> stream, std::string client) {
    beast::flat_buffer buffer;
    while (!stopping) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
      parser.body_limit(boost::none);  // the route's limit is applied once the header is read
      stream->expires_after(config.read_timeout);
      bool folded = false;
      error_code ec = co_await read_header_block(*stream, buffer, folded);
      if (!ec) {
        co_await bhttp::async_read_header(*stream, buffer, parser,
                                          asio::redirect_error(asio::use_awaitable, ec));
      }
      if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
          ec == beast::error::timeout || ec == asio::error::operation_aborted) {
        break;
      }
      std::optional<Response> early;
      if (ec == bhttp::error::header_limit) {
        early = problem_response(Status::request_header_fields_too_large, "headers_too_large",
                                 "the request line and headers exceed " +
                                     std::to_string(config.header_limit) + " bytes");
      } else if (ec) {
        log_connection_error("read", ec);
        if (ec.category() != bhttp::make_error_code(bhttp::error::bad_target).category()) break;
        early = problem_response(core::Error::invalid("the request is not valid HTTP/1.1"));
      } else if (auto problem = framing_problem(parser.get(), folded)) {
        early = problem_response(core::Error::invalid(*problem));
      }

      const auto started = std::chrono::steady_clock::now();
      if (metrics) metrics->request_started();
      Request request;
      request.client_address = client;
      const bool header_failed = early.has_value();
      bool close = header_failed;
      // Not a conditional expression: g++ 12 miscompiles co_await inside one.
      std::optional<Response> response = std::move(early);
      if (!response) response = co_await answer(*stream, buffer, parser, request, close);
      const bool keep_alive = !close && !stopping && parser.get().keep_alive();
      auto msg = to_message(std::move(*response), header_failed ? 11 : parser.get().version(),
                            keep_alive, config.behind_tls, request.method == bhttp::verb::head);
      const unsigned status = msg.result_int();
      stream->expires_after(config.read_timeout);
      co_await bhttp::async_write(*stream, msg, asio::redirect_error(asio::use_awaitable, ec));
      if (metrics) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        metrics->request_finished(
            request.route_pattern.empty() ? "unmatched" : request.route_pattern, request.method,
            status, seconds);
      }
      if (ec) {
        log_connection_error("write", ec);
        co_return;
      }
      if (!keep_alive) {
        co_await linger(*stream);
        co_return;
      }
    }
    error_code ignored;
    stream->socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // Reads until the buffer holds a whole header block, or more than the header limit (Beast
  // then answers 431), so that the raw block can be checked for obs-fold before Beast parses it.
  asio::awaitable<error_code> read_header_block(beast::tcp_stream& stream,
                                                beast::flat_buffer& buffer, bool& folded) {
    std::size_t searched = 0;
    while (true) {
      const std::string_view data(static_cast<const char*>(buffer.cdata().data()), buffer.size());
      const std::size_t end = data.find("\r\n\r\n", searched);
      if (end != std::string_view::npos) {
        folded = has_obs_fold(data.substr(0, end + 2));
        co_return error_code{};
      }
      if (data.size() > config.header_limit) co_return error_code{};
      searched = data.size() < 3 ? 0 : data.size() - 3;
      error_code ec;
      const std::size_t n = co_await stream.async_read_some(
          buffer.prepare(4096), asio::redirect_error(asio::use_awaitable, ec));
      buffer.commit(n);
      if (ec) co_return ec;
    }
  }

  // The lingering close described at kLingerTotal.
  asio::awaitable<void> linger(beast::tcp_stream& stream) {
    error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    const auto deadline = std::chrono::steady_clock::now() + kLingerTotal;
    std::size_t discarded = 0;
    std::vector<char> sink(16 * 1024);
    while (!ec && !stopping && discarded < kLingerBytes) {
      const auto left = deadline - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) break;
      stream.expires_after(std::min<std::chrono::steady_clock::duration>(kLingerIdle, left));
      discarded += co_await stream.async_read_some(
          asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
    }
    stream.socket().close(ec);
  }

  void start_session(tcp::socket socket) {
    error_code ec;
    const auto peer = socket.remote_endpoint(ec);
    if (ec) return;
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    std::uint64_t id = 0;
    {
      std::lock_guard lock(connections_mutex);
      if (connections.size() >= config.max_connections) {
        log_connection_refused(config.max_connections);
        return;
      }
      id = next_id++;
      connections.emplace(id, stream);
    }
    asio::co_spawn(stream->get_executor(), session(stream, peer.address().to_string()),
                   [this, id](std::exception_ptr e) {
                     {
                       std::lock_guard lock(connections_mutex);
                       connections.erase(id);
                     }
                     if (!e) return;
                     try {
                       std::rethrow_exception(e);
                     } catch (const std::exception& ex) {
                       log_handler_exception("connection", ex.what());
                     }
                   });
  }

  asio::awaitable<void> listen() {
    while (!stopping) {
      error_code ec;
      tcp::socket socket = co_await acceptor.async_accept(
          asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (stopping || !acceptor.is_open()) co_return;
        log_connection_error("accept", ec);
        continue;
      }
      start_session(std::move(socket));
    }
  }
};

Server::Server(ServerConfig config, const Router& router, Metrics* metrics)
    : impl_(std::make_unique<Impl>(std::move(config), router, metrics)) {}

Server::~Server() { stop(); }

core::Status Server::start() {
  Impl& s = *impl_;
  error_code ec;
  const auto address = asio::ip::make_address(s.config.address, ec);
  if (ec) return core::Error::field("listen", "'" + s.config.address + "' is not an IP address");
  const tcp::endpoint endpoint(address, s.config.port);
  auto fail = [&](std::string_view what) {
    return core::Error::unavailable("cannot " + std::string(what) + " " + s.config.address + ":" +
                                    std::to_string(s.config.port) + ": " + ec.message());
  };
  if (s.acceptor.open(endpoint.protocol(), ec); ec) return fail("open");
  if (s.acceptor.set_option(asio::socket_base::reuse_address(true), ec); ec)
    return fail("configure");
  if (s.acceptor.bind(endpoint, ec); ec) return fail("bind");
  if (s.acceptor.listen(asio::socket_base::max_listen_connections, ec); ec)
    return fail("listen on");
  asio::co_spawn(s.ioc, s.listen(), asio::detached);
  s.started = true;
  for (int i = 0; i < std::max(1, s.config.io_threads); ++i) {
    s.threads.emplace_back([&s] { s.ioc.run(); });
  }
  return core::ok_status();
}

std::uint16_t Server::port() const {
  error_code ec;
  const auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void Server::stop() {
  Impl& s = *impl_;
  std::lock_guard stop_lock(s.stop_mutex);
  if (s.stopped) return;
  s.stopped = true;
  s.stopping = true;
  asio::post(s.ioc, [&s] {
    error_code ignored;
    s.acceptor.close(ignored);
    if (s.signals) s.signals->cancel(ignored);
  });
  {
    std::lock_guard lock(s.connections_mutex);
    for (auto& [id, weak] : s.connections) {
      if (auto stream = weak.lock()) {
        // The session may have closed the socket meanwhile (a read timeout): then there is
        // nothing to cancel, and the throwing overload would end the process.
        asio::post(stream->get_executor(), [stream] {
          error_code ignored;
          stream->socket().cancel(ignored);
        });
      }
    }
  }
  for (auto& t : s.threads) t.join();
  s.threads.clear();
  s.handlers.join();
}

void Server::run_until_signal() {
  Impl& s = *impl_;
  if (s.stopping) return;
  std::promise<void> signalled;
  auto done = signalled.get_future();
  asio::post(s.ioc, [&s, &signalled] {
    s.signals.emplace(s.ioc, SIGINT, SIGTERM);
    s.signals->async_wait([&signalled](const error_code&, int) { signalled.set_value(); });
    if (s.stopping) {
      error_code ignored;
      s.signals->cancel(ignored);
    }
  });
  done.wait();
  stop();
}

}  // namespace rapport::http
