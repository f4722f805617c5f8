// libFuzzer target: any text → parse_timestamp and parse_date return a time or kInvalid, and every
// time they accept is written by format_timestamp as RFC 3339 that parses back to the same time.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/timestamp.hpp"

namespace {

void check_round_trip(const rapport::core::Result<rapport::core::Timestamp>& parsed) {
  if (!parsed.ok()) {
    if (parsed.error().kind != rapport::core::ErrorKind::kInvalid) std::abort();
    return;
  }
  const auto again = rapport::core::parse_timestamp(rapport::core::format_timestamp(*parsed));
  if (!again.ok() || *again != *parsed) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_round_trip(rapport::core::parse_timestamp(input));
  check_round_trip(rapport::core::parse_date(input));
  return 0;
}
