// spdlog sinks for the http layer's failures, classified by severity.
#include "http/failure_log.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

namespace rapport::http {

void log_server_error(std::string_view route, const core::Error& error) {
  spdlog::error("http: {} failed ({}): {}", route, core::to_string(error.kind), error.message);
}

void log_handler_exception(std::string_view route, std::string_view what) {
  spdlog::error("http: {} threw: {}", route, what);
}

void log_connection_error(std::string_view stage, const boost::system::error_code& ec) {
  namespace net = boost::asio;
  const bool routine = ec == net::error::eof || ec == boost::beast::error::timeout ||
                       ec == net::error::operation_aborted || ec == net::error::connection_reset ||
                       ec == net::error::broken_pipe ||
                       ec == boost::beast::http::error::end_of_stream;
  if (routine) {
    spdlog::debug("http: connection {}: {}", stage, ec.message());
  } else {
    spdlog::warn("http: connection {}: {}", stage, ec.message());
  }
}

void log_connection_refused(std::size_t limit) {
  spdlog::warn("http: refused a connection: {} are open, the configured maximum", limit);
}

}  // namespace rapport::http
