// Client addresses behind a reverse proxy: for requests whose peer is a trusted proxy, the client
// is taken from X-Forwarded-For, so that rate limits, login throttling and the audit log see each
// client rather than the proxy.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace rapport::http {

// The client address a request from `peer` stands for, given its X-Forwarded-For values (every
// header line, in order) and the trusted proxies' addresses: walking the list from the right
// (the hop nearest to us), the first address that is not a trusted proxy. nullopt, meaning keep
// `peer`, when `peer` is not trusted, the list is empty, or an entry that would be used is not an
// IP address. Entries left of the one used are whatever the client claims and are never read.
std::optional<std::string> forwarded_client(std::string_view peer,
                                            const std::vector<std::string>& forwarded_values,
                                            const std::vector<std::string>& trusted_proxies);

// Middleware replacing Request::client_address as forwarded_client() says; it must run before
// anything that reads the address. `trusted_proxies` are IP addresses (kInvalid from
// check_trusted_proxies otherwise).
Middleware forwarded_for_middleware(std::vector<std::string> trusted_proxies);

// kInvalid naming the first entry that is not an IP address.
core::Status check_trusted_proxies(const std::vector<std::string>& trusted_proxies);

}  // namespace rapport::http
