// libFuzzer target: any `after` text → decode_cursor returns a cursor or kInvalid, and a decoded
// cursor survives encode → decode unchanged (the next page continues the same query).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "store/cursor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rapport;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto decoded = store::decode_cursor(input);
  if (!decoded.ok()) {
    if (decoded.error().kind != core::ErrorKind::kInvalid) std::abort();
    return 0;
  }
  auto again = store::decode_cursor(store::encode_cursor(*decoded));
  if (!again.ok() || !(*again == *decoded)) std::abort();
  return 0;
}
