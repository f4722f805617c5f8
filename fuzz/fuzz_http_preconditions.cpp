// libFuzzer target: any header value (bytes the server's HTTP parser lets through) as If-Match
// → Request::if_match_version gives a positive version, nothing, or kInvalid/kStale; and as
// If-None-Match on a read whose ETag is "7" → the router answers 200 or 304, 304 only when the
// value is `*` or names that tag.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/router.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rapport;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // Beast's request parser refuses control characters other than HTAB in a field value.
  for (unsigned char c : input) {
    if ((c < 0x20 && c != '\t') || c == 0x7f) return 0;
  }
  http::Request request;
  request.method = http::Method::get;
  request.headers.set("If-Match", input);
  request.headers.set("If-None-Match", input);

  auto version = request.if_match_version();
  if (version.ok()) {
    if (*version && (**version <= 0 || input.size() < 3)) std::abort();
  } else if (version.error().kind != core::ErrorKind::kInvalid &&
             version.error().kind != core::ErrorKind::kStale) {
    std::abort();
  }

  static const http::Router router = [] {
    http::Router r;
    r.get("/thing", [](http::Request&) -> core::Result<http::Response> {
      http::Response response = http::Response::json(boost::json::object{{"id", 1}});
      response.set_etag("7");
      return response;
    });
    return r;
  }();
  const auto match = router.match(http::Method::get, http::split_path("/thing"));
  if (match.route == nullptr) std::abort();
  const http::Response response = router.dispatch(*match.route, request);
  if (response.status() == http::Status::not_modified) {
    if (input.find("\"7\"") == std::string_view::npos &&
        input.find('*') == std::string_view::npos) {
      std::abort();
    }
  } else if (response.status() != http::Status::ok) {
    std::abort();
  }
  return 0;
}
