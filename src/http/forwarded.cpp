// X-Forwarded-For from trusted proxies.
#include "http/forwarded.hpp"

#include <algorithm>

#include <boost/asio/ip/address.hpp>

#include "core/text_rules.hpp"

namespace rapport::http {
namespace {

// The canonical text of an IP address, or nullopt; canonical so that "::FFFF:…" and "::ffff:…"
// are one throttle key.
std::optional<std::string> canonical_ip(std::string_view text) {
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return address.to_string();
}

}  // namespace

std::optional<std::string> forwarded_client(std::string_view peer,
                                            const std::vector<std::string>& forwarded_values,
                                            const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](std::string_view address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
           trusted_proxies.end();
  };
  if (!trusted(peer)) return std::nullopt;
  std::vector<std::string_view> hops;
  for (std::string_view value : forwarded_values) {
    while (true) {
      const auto comma = value.find(',');
      hops.push_back(core::trim_blanks(value.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    auto address = canonical_ip(*it);
    if (!address) return std::nullopt;
    if (!trusted(*address)) return address;
  }
  return std::nullopt;
}

core::Status check_trusted_proxies(const std::vector<std::string>& trusted_proxies) {
  for (const auto& proxy : trusted_proxies) {
    if (!canonical_ip(proxy)) {
      return core::Error::field("--trusted-proxy", "'" + proxy + "' is not an IP address");
    }
  }
  return core::ok_status();
}

Middleware forwarded_for_middleware(std::vector<std::string> trusted_proxies) {
  for (auto& proxy : trusted_proxies) proxy = canonical_ip(proxy).value_or(proxy);
  return [trusted = std::move(trusted_proxies)](Request& request) -> std::optional<Response> {
    if (trusted.empty()) return std::nullopt;
    std::vector<std::string> values;
    const auto [first, last] = request.headers.equal_range("X-Forwarded-For");
    for (auto it = first; it != last; ++it) values.emplace_back(it->value());
    if (auto client = forwarded_client(request.client_address, values, trusted)) {
      request.client_address = std::move(*client);
    }
    return std::nullopt;
  };
}

}  // namespace rapport::http
