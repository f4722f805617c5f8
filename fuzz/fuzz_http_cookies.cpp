// libFuzzer target: any Cookie header → find_cookie never crashes; and any name/value pair (the
// input split at its first NUL) → build_set_cookie either refuses it or builds a header whose
// name=value part a browser sends back and find_cookie reads as the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/cookies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rapport;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (std::string_view name : {"rapport_session", "rapport_csrf", ""}) {
    if (auto value = http::find_cookie(input, name); value && value->size() > input.size()) {
      std::abort();
    }
  }
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return 0;
  http::CookieSpec spec{std::string(input.substr(0, nul)), std::string(input.substr(nul + 1)),
                        std::nullopt, false};
  auto built = http::build_set_cookie(spec);
  if (!built.ok()) {
    if (built.error().kind != core::ErrorKind::kInvalid) std::abort();
    return 0;
  }
  const std::string sent = built->substr(0, built->find(';'));
  const auto read_back = http::find_cookie(sent, spec.name);
  if (!read_back || *read_back != spec.value) std::abort();
  return 0;
}
